"""Azure Face client wrapper; detect_from_url receives the URL through a parameter."""

from azure.ai.vision.face import FaceClient
from azure.ai.vision.face.models import FaceDetectionModel, FaceRecognitionModel
from azure.core.credentials import AzureKeyCredential


class AzureMatcher:
    def __init__(self, endpoint, key):
        self.face = FaceClient(endpoint=endpoint, credential=AzureKeyCredential(key))

    def detect(self, url):
        return self.face.detect_from_url(  # expect: DT101
            url=url,
            detection_model=FaceDetectionModel.DETECTION03,
            recognition_model=FaceRecognitionModel.RECOGNITION04,
            return_face_id=True,
        )

    @classmethod
    def from_env(cls, env):
        return cls(env["AZURE_FACE_ENDPOINT"], env["AZURE_FACE_KEY"])
