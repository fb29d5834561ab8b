"""A thin service over the Azure Face client: detection into face IDs, then identification."""

from azure.cognitiveservices.vision.face import FaceClient
from msrest.authentication import CognitiveServicesCredentials

from settings import FACE_ENDPOINT, FACE_KEY


class FaceService:
    def __init__(self, group):
        self.client = FaceClient(FACE_ENDPOINT, CognitiveServicesCredentials(FACE_KEY))
        self.group = group

    def candidates(self, url):
        detected = self.client.face.detect_with_url(url=url, return_face_id=True)  # expect: DT101
        face_ids = [face.face_id for face in detected]
        results = self.client.face.identify(face_ids, person_group_id=self.group)  # expect: DT101
        return [c.person_id for r in results for c in r.candidates]
