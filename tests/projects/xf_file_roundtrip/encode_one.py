"""Step 2a: encodes one saved avatar by the same path template."""

import face_recognition


def encode_user(username):
    image = face_recognition.load_image_file(f"avatars/{username}.jpg")
    return face_recognition.face_encodings(image)  # expect: DT101


def encode_reference():
    image = face_recognition.load_image_file("reference/operator.jpg")
    return face_recognition.face_encodings(image)  # ok: DT101
