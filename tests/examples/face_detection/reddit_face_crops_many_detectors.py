"""A research notebook that crops faces out of Reddit and Instagram images with several detectors.

Reddit images come through praw (submission.url) and Instagram posts through instaloader, which
collects them without the official API (DT501, at the loading call). Each detector that runs on
those images is face detection (DT102): mtcnn, RetinaFace, MediaPipe, facenet-pytorch's MTCNN,
DeepFace.extract_faces and AWS Rekognition's detect_faces (without face attributes, so not
DT401). The same detectors run on a local calibration image stay quiet.
"""

import io

import boto3
import cv2
import instaloader
import mediapipe as mp
import numpy as np
import praw
import requests
from deepface import DeepFace
from facenet_pytorch import MTCNN as TorchMTCNN
from mtcnn import MTCNN
from PIL import Image
from retinaface import RetinaFace

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="faces-notebook/0.1")
rekognition = boto3.client("rekognition", region_name="eu-west-1")
detector = MTCNN()
torch_mtcnn = TorchMTCNN(keep_all=True)
L = instaloader.Instaloader(download_videos=False)
CALIBRATION = cv2.imread("calibration/checkerboard_with_face.png")


def subreddit_images(name, limit=25):
    for submission in reddit.subreddit(name).hot(limit=limit):
        if submission.url.endswith((".jpg", ".png")):
            raw = requests.get(submission.url, timeout=10).content
            yield raw, cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)


def crops_mtcnn(name):
    return [detector.detect_faces(cv2.cvtColor(img, cv2.COLOR_BGR2RGB)) for _, img in subreddit_images(name)]  # expect: DT102


def crops_retinaface(name):
    return [RetinaFace.detect_faces(img) for _, img in subreddit_images(name)]  # expect: DT102


def crops_mediapipe(name):
    results = []
    with mp.solutions.face_detection.FaceDetection(model_selection=1) as face_detection:
        for _, img in subreddit_images(name):
            results.append(face_detection.process(cv2.cvtColor(img, cv2.COLOR_BGR2RGB)))  # expect: DT102
    return results


def crops_rekognition(name):
    return [rekognition.detect_faces(Image={"Bytes": raw}) for raw, _ in subreddit_images(name)]  # expect: DT102; ok: DT401


def crops_instagram_post(shortcode):
    post = instaloader.Post.from_shortcode(L.context, shortcode)  # expect: DT502
    picture = Image.open(io.BytesIO(requests.get(post.url, timeout=10).content)).convert("RGB")
    boxes, probs = torch_mtcnn.detect(picture)  # expect: DT102
    faces = DeepFace.extract_faces(img_path=np.array(picture), detector_backend="opencv")  # expect: DT102
    return boxes, probs, faces


def calibrate():
    rgb = cv2.cvtColor(CALIBRATION, cv2.COLOR_BGR2RGB)
    a = detector.detect_faces(rgb)  # ok: DT102
    b = RetinaFace.detect_faces("calibration/checkerboard_with_face.png")  # ok: DT102
    with open("calibration/checkerboard_with_face.png", "rb") as fh:
        c = rekognition.detect_faces(Image={"Bytes": fh.read()})  # ok: DT102
    d = torch_mtcnn.detect(Image.fromarray(rgb))  # ok: DT102
    return a, b, c, d
