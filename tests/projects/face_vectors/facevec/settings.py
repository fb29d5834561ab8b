"""Model files, sizes and paths, kept apart from the code."""

import os

# Recognition models: each turns a face into a vector that identifies its owner.
OPENFACE_MODEL = "models/openface.nn4.small2.v1.t7"
ARCFACE_MODEL = "models/antelopev2/glintr100.onnx"
SFACE_MODEL = "models/face_recognition_sface_2021dec.onnx"
FACENET_KERAS = "models/facenet_keras.h5"
# Detection models: they only say where faces are.
YUNET_MODEL = "models/face_detection_yunet_2023mar.onnx"
SSD_PROTO = "models/deploy.prototxt"
SSD_WEIGHTS = "models/res10_300x300_ssd_iter_140000.caffemodel"

OPENFACE_SIZE = (96, 96)
FACENET_SIZE = (160, 160)
ARCFACE_SIZE = (112, 112)
EMBEDDING_DIM = 128
MATCH_DISTANCE = 0.6
TOP_K = 5

PHOTO_LIBRARY = os.path.expanduser("~/Pictures")
BLURRED_DIR = "blurred"
BEARER_TOKEN = os.environ.get("X_BEARER", "AAAA-not-a-real-token")
TG_API_ID = 12345
TG_API_HASH = "not-a-real-hash"
