"""Face encoding helpers; the images arrive through parameters."""

from io import BytesIO

import face_recognition


def encode(raw):
    return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101


def encode_many(pictures):
    return {name: encode(raw) for name, raw in pictures.items()}  # ok: DT101
