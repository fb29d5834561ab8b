"""Door access: staff badge photos taken at the front desk, identified in the staff group."""

from azure.cognitiveservices.vision.face import FaceClient
from msrest.authentication import CognitiveServicesCredentials

from settings import FACE_ENDPOINT, FACE_KEY, STAFF_GROUP

door = FaceClient(FACE_ENDPOINT, CognitiveServicesCredentials(FACE_KEY))


def badge_holder(photo_path):
    with open(photo_path, "rb") as photo:
        detected = door.face.detect_with_stream(photo)  # ok: DT101
    ids = [face.face_id for face in detected]
    return door.face.identify(ids, person_group_id=STAFF_GROUP)  # ok: DT101
