"""Face embedders: OpenFace through cv2.dnn, ArcFace through onnxruntime, SFace through OpenCV,
FaceNet through keras-facenet and through a saved Keras model."""

import cv2
import keras
import numpy as np
import onnxruntime as ort
from keras_facenet import FaceNet

from facevec import settings


class OpenFaceEmbedder:
    """128-d OpenFace vectors; profile pictures are already face crops, so no detector."""

    def __init__(self):
        self.net = cv2.dnn.readNetFromTorch(settings.OPENFACE_MODEL)

    def embed(self, image):
        face = cv2.resize(image, settings.OPENFACE_SIZE)
        blob = cv2.dnn.blobFromImage(face, 1.0 / 255, settings.OPENFACE_SIZE, (0, 0, 0), swapRB=True, crop=False)
        self.net.setInput(blob)
        return self.net.forward().flatten()  # expect: DT101


class ArcFaceEmbedder:
    def __init__(self):
        self.session = ort.InferenceSession(settings.ARCFACE_MODEL, providers=["CPUExecutionProvider"])
        self.input_name = self.session.get_inputs()[0].name

    def embed(self, image):
        blob = cv2.dnn.blobFromImage(image, 1.0 / 127.5, settings.ARCFACE_SIZE, (127.5, 127.5, 127.5), swapRB=True)
        vector = self.session.run(None, {self.input_name: blob})[0][0]  # expect: DT101
        return vector / np.linalg.norm(vector)


class SFaceEmbedder:
    """Detect with YuNet, align, then SFace features (one vector per face found)."""

    def __init__(self):
        self.detector = cv2.FaceDetectorYN.create(settings.YUNET_MODEL, "", (320, 320))
        self.recognizer = cv2.FaceRecognizerSF.create(settings.SFACE_MODEL, "")

    def embed_all(self, image):
        height, width = image.shape[:2]
        self.detector.setInputSize((width, height))
        _, faces = self.detector.detect(image)  # expect: DT102
        vectors = []
        for face in faces if faces is not None else []:
            aligned = self.recognizer.alignCrop(image, face)  # expect: DT101
            vectors.append(self.recognizer.feature(aligned).flatten())  # ok: DT101
        return vectors


class FaceNetEmbedder:
    def __init__(self):
        self.model = FaceNet()

    def embed_many(self, faces):
        return self.model.embeddings(faces)  # expect: DT101


class KerasFaceNetEmbedder:
    def __init__(self):
        self.model = keras.models.load_model(settings.FACENET_KERAS, compile=False)

    def embed(self, image):
        face = cv2.resize(image, settings.FACENET_SIZE).astype("float32")
        face = (face - face.mean()) / max(face.std(), 1e-6)
        return self.model.predict(face[np.newaxis], verbose=0)[0]  # expect: DT101
