"""A doorbell camera that recognises household members and tweets that someone is at the door.

The faces come from the local webcam, not from a platform; the data flows from the face code to
X (a post), never from X to the face code.
"""

import cv2
import face_recognition
import tweepy

client = tweepy.Client(
    consumer_key="not-a-real-key",
    consumer_secret="not-a-real-secret",
    access_token="not-a-real-token",
    access_token_secret="not-a-real-token-secret",
)
HOUSEHOLD = {name: face_recognition.face_encodings(face_recognition.load_image_file(f"household/{name}.jpg"))[0] for name in ("ana", "ben")}  # ok: DT101


def watch(camera_index=0):
    camera = cv2.VideoCapture(camera_index)
    try:
        while True:
            ok, frame = camera.read()
            if not ok:
                break
            rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            locations = face_recognition.face_locations(rgb)  # ok: DT102
            for encoding in face_recognition.face_encodings(rgb, locations):  # ok: DT101
                known = face_recognition.compare_faces(list(HOUSEHOLD.values()), encoding)  # ok: DT101
                who = next((name for name, hit in zip(HOUSEHOLD, known) if hit), "a visitor")
                client.create_tweet(text=f"Ding dong: {who} is at the door.")
    finally:
        camera.release()
