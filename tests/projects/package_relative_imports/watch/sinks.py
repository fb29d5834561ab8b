"""Rekognition search over the images of a subreddit, found through a relative import."""

import boto3

from .sources import subreddit_images

rekognition = boto3.client("rekognition")


def search(image):
    return rekognition.search_faces_by_image(CollectionId="watch", Image={"Bytes": image})  # expect: DT101


def sweep(name):
    return [(link, search(image)) for link, image in subreddit_images(name)]
