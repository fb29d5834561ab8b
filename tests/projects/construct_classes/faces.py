"""A mixin that replaces a pipeline's upload step with a face index."""

from io import BytesIO

import face_recognition
import requests


class FaceIndexMixin:
    def sink(self, records):
        self.index = {record["handle"]: self.encode_url(record["pic"]) for record in records}

    def encode_url(self, url):
        image = face_recognition.load_image_file(BytesIO(requests.get(url, timeout=10).content))
        return face_recognition.face_encodings(image)  # expect: DT101

    def encode_files(self, paths):
        return [face_recognition.face_encodings(face_recognition.load_image_file(path)) for path in paths]  # ok: DT101
