"""Counting faces in YouTube thumbnails with MediaPipe's tasks API and OpenCV's YuNet.

The thumbnails come from the YouTube Data API (search results), so the detectors that look at
them are face detection on platform media (DT102). Running the same detectors on frames of a
local video file, as a video editor's auto-blur does, stays quiet.
"""

import cv2
import mediapipe as mp
import numpy as np
import requests
from googleapiclient.discovery import build

youtube = build("youtube", "v3", developerKey="not-a-real-key")
OPTIONS = mp.tasks.vision.FaceDetectorOptions(
    base_options=mp.tasks.BaseOptions(model_asset_path="models/blaze_face_short_range.tflite")
)
YUNET = cv2.FaceDetectorYN.create("models/face_detection_yunet_2023mar.onnx", "", (320, 320))


def thumbnails(query):
    resp = youtube.search().list(q=query, part="snippet", type="video", maxResults=25).execute()
    for item in resp["items"]:
        raw = requests.get(item["snippet"]["thumbnails"]["high"]["url"], timeout=10).content
        yield cv2.imdecode(np.frombuffer(raw, np.uint8), cv2.IMREAD_COLOR)


def faces_per_thumbnail_mediapipe(query):
    counts = []
    with mp.tasks.vision.FaceDetector.create_from_options(OPTIONS) as detector:
        for frame in thumbnails(query):
            image = mp.Image(image_format=mp.ImageFormat.SRGB, data=cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
            counts.append(len(detector.detect(image).detections))  # expect: DT102
    return counts


def faces_per_thumbnail_yunet(query):
    counts = []
    for frame in thumbnails(query):
        YUNET.setInputSize((frame.shape[1], frame.shape[0]))
        _, faces = YUNET.detect(frame)  # expect: DT102
        counts.append(0 if faces is None else len(faces))
    return counts


def auto_blur_local_video(path="raw_footage.mp4"):
    video = cv2.VideoCapture(path)
    with mp.tasks.vision.FaceDetector.create_from_options(OPTIONS) as detector:
        while True:
            ok, frame = video.read()
            if not ok:
                break
            image = mp.Image(image_format=mp.ImageFormat.SRGB, data=cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
            detector.detect(image)  # ok: DT102
            YUNET.detect(frame)  # ok: DT102
    video.release()
