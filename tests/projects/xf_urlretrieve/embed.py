"""Embeds the downloaded pictures with DeepFace."""

import os

from deepface import DeepFace


def embed(name):
    return DeepFace.represent(img_path=os.path.join("pics", f"{name}.jpg"), model_name="Facenet512")  # expect: DT101


def embed_logo():
    return DeepFace.represent(img_path="assets/logo.png", enforce_detection=False)  # ok: DT101
