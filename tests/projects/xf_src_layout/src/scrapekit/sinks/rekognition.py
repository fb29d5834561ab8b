"""Indexes faces in an AWS Rekognition collection."""

import boto3
import requests

rekognition = boto3.client("rekognition", region_name="us-east-1")


def index_photo(collection, external_id, url):
    image = requests.get(url, timeout=10).content
    return rekognition.index_faces(CollectionId=collection, Image={"Bytes": image}, ExternalImageId=external_id)  # expect: DT101


def search_by_file(collection, path):
    with open(path, "rb") as fh:
        return rekognition.search_faces_by_image(CollectionId=collection, Image={"Bytes": fh.read()})  # ok: DT101
