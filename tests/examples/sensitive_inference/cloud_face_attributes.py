"""Cloud face APIs asked for age, gender and emotion on Reddit and Facebook photos.

Reddit images (praw) sent to AWS Rekognition detect_faces with Attributes=['ALL'] have their age
range, gender and emotions estimated (DT401); detect_faces is also face detection (DT102), and
with only the default attributes it is face detection alone. The legacy Azure Face SDK's
detect_with_url both makes face IDs (face identification, DT101) and, with return_face_attributes
naming age, gender or emotion, infers them (DT401). The same calls on the operator's own
product photos stay quiet.
"""

import boto3
import facebook
import praw
import requests
from azure.cognitiveservices.vision.face import FaceClient
from msrest.authentication import CognitiveServicesCredentials

reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="attrs/0.1")
graph = facebook.GraphAPI(access_token="not-a-real-token", version="3.1")
rekognition = boto3.client("rekognition", region_name="us-east-1")
face_client = FaceClient("https://example.cognitiveservices.azure.com/", CognitiveServicesCredentials("not-a-real-key"))
PRODUCT_SHOTS = ["https://cdn.example.com/catalogue/model-01.jpg", "https://cdn.example.com/catalogue/model-02.jpg"]


def reddit_selfies(limit=50):
    for submission in reddit.subreddit("selfie").new(limit=limit):
        if submission.url.endswith(".jpg"):
            yield submission.url, requests.get(submission.url, timeout=10).content


def rekognition_all_attributes():
    return [rekognition.detect_faces(Image={"Bytes": raw}, Attributes=["ALL"]) for _, raw in reddit_selfies()]  # expect: DT401, DT102


def rekognition_gender_only():
    url, raw = next(reddit_selfies(limit=1))
    return rekognition.detect_faces(Image={"Bytes": raw}, Attributes=["GENDER", "AGE_RANGE"])  # expect: DT401, DT102


def rekognition_boxes_only():
    url, raw = next(reddit_selfies(limit=1))
    return rekognition.detect_faces(Image={"Bytes": raw}, Attributes=["DEFAULT"])  # expect: DT102; ok: DT401


def azure_from_url():
    out = []
    for url, _ in reddit_selfies(limit=10):
        out.append(face_client.face.detect_with_url(url=url, return_face_attributes=["age", "gender", "emotion"]))  # expect: DT401, DT101
    return out


def azure_facebook_photos(page_id):
    photos = graph.get_connections(page_id, "photos", fields="images")
    urls = [photo["images"][0]["source"] for photo in photos["data"]]
    return [face_client.face.detect_with_url(u, return_face_attributes=["emotion"]) for u in urls]  # expect: DT401, DT101


def azure_head_pose_only():
    url, _ = next(reddit_selfies(limit=1))
    return face_client.face.detect_with_url(url, return_face_attributes=["headPose"])  # expect: DT101; ok: DT401


def product_shots():
    for url in PRODUCT_SHOTS:
        face_client.face.detect_with_url(url, return_face_attributes=["age", "gender"])  # ok: DT401, DT101
        with open("catalogue/model-01.jpg", "rb") as fh:
            rekognition.detect_faces(Image={"Bytes": fh.read()}, Attributes=["ALL"])  # ok: DT401, DT102
