"""X users' profile pictures sent to Azure AI Face and searched for a probe face.

Azure's detect returns face IDs, references to biometric templates, so detecting faces in
platform pictures is already identification here (DT101), and so is find_similar over those IDs:
a detection that makes face IDs passes them on (the search is reported too).
Detecting the probe face in a local photo is quiet.
"""

import tweepy
from azure.ai.vision.face import FaceClient
from azure.ai.vision.face.models import FaceDetectionModel, FaceRecognitionModel
from azure.core.credentials import AzureKeyCredential

face_client = FaceClient(
    endpoint="https://example-face.cognitiveservices.azure.com/",
    credential=AzureKeyCredential("not-a-real-key"),
)
twitter = tweepy.Client(bearer_token="AAAA-not-a-real-token")


def find_person(probe_path, usernames):
    with open(probe_path, "rb") as fh:
        probe = face_client.detect(  # ok: DT101
            fh.read(),
            detection_model=FaceDetectionModel.DETECTION03,
            recognition_model=FaceRecognitionModel.RECOGNITION04,
            return_face_id=True,
        )
    users = twitter.get_users(usernames=usernames, user_fields=["profile_image_url"]).data
    candidate_ids = []
    owners = {}
    for user in users:
        faces = face_client.detect_from_url(  # expect: DT101
            url=user.profile_image_url,
            detection_model=FaceDetectionModel.DETECTION03,
            recognition_model=FaceRecognitionModel.RECOGNITION04,
            return_face_id=True,
        )
        candidate_ids.extend(face.face_id for face in faces)
        owners.update({face.face_id: user.username for face in faces})
    similar = face_client.find_similar(face_id=probe[0].face_id, face_ids=candidate_ids)  # expect: DT101
    return [owners[s.face_id] for s in similar]
