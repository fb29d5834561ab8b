"""Images posted to a subreddit, searched in (and indexed into) an AWS Rekognition collection.

praw returns the submissions; each image is downloaded and sent to Rekognition's face search
(DT101). Archiving the same bytes to S3 is not a face sink: only boto3.client('rekognition') is.
"""

import boto3
import praw
import requests

COLLECTION = "persons-of-interest"

reddit = praw.Reddit(
    client_id="not-a-real-id",
    client_secret="not-a-real-secret",
    user_agent="image-archiver/0.1 by u/example",
)
rekognition = boto3.client("rekognition", region_name="us-east-1")
s3 = boto3.client("s3")


def scan_subreddit(name="pics", limit=200):
    matches = []
    for submission in reddit.subreddit(name).new(limit=limit):
        if not submission.url.endswith((".jpg", ".jpeg", ".png")):
            continue
        data = requests.get(submission.url, timeout=10).content
        s3.put_object(Bucket="reddit-archive", Key=f"{submission.id}.jpg", Body=data)  # ok: DT101
        response = rekognition.search_faces_by_image(  # expect: DT101
            CollectionId=COLLECTION,
            Image={"Bytes": data},
            FaceMatchThreshold=90,
            MaxFaces=5,
        )
        for match in response["FaceMatches"]:
            matches.append((submission.permalink, match["Face"]["ExternalImageId"]))
    return matches


def index_top_posts(name):
    for submission in reddit.subreddit(name).top(time_filter="week", limit=50):
        image = requests.get(submission.url).content
        rekognition.index_faces(CollectionId=COLLECTION, Image={"Bytes": image}, ExternalImageId=submission.id)  # expect: DT101


def search_one(permalink_id):
    submission = reddit.submission(id=permalink_id)
    image = requests.get(submission.url).content
    return boto3.client("rekognition").search_faces_by_image(CollectionId=COLLECTION, Image={"Bytes": image})  # expect: DT101


def compare_with_local(probe_path, candidate_path):
    with open(probe_path, "rb") as a, open(candidate_path, "rb") as b:
        return rekognition.compare_faces(SourceImage={"Bytes": a.read()}, TargetImage={"Bytes": b.read()})  # ok: DT101
