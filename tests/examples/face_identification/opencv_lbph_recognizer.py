"""An OpenCV LBPH recognizer trained on the profile pictures of an Instagram user's followees.

instaloader scrapes the followees (DT501 at the profile lookup); a Haar cascade crops the faces
(face detection, DT102) and the recognizer is trained on them (DT101). Training on a folder of
staff photos is quiet.
"""

from pathlib import Path

import cv2
import instaloader
import numpy as np
import requests

cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")


def train_on_followees(username, session_user):
    L = instaloader.Instaloader()
    L.load_session_from_file(session_user)
    profile = instaloader.Profile.from_username(L.context, username)  # expect: DT502
    faces, labels, names = [], [], []
    for label, followee in enumerate(profile.get_followees()):
        data = requests.get(followee.profile_pic_url, timeout=10).content
        gray = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
        for (x, y, w, h) in cascade.detectMultiScale(gray, scaleFactor=1.1, minNeighbors=5):  # expect: DT102
            faces.append(cv2.resize(gray[y:y + h, x:x + w], (200, 200)))
            labels.append(label)
        names.append(followee.username)
    recognizer = cv2.face.LBPHFaceRecognizer_create()
    recognizer.train(faces, np.array(labels))  # expect: DT101
    recognizer.write("followees.yml")
    return names


def train_on_staff(folder="staff"):
    faces, labels = [], []
    for label, path in enumerate(sorted(Path(folder).glob("*.png"))):
        faces.append(cv2.imread(str(path), cv2.IMREAD_GRAYSCALE))
        labels.append(label)
    recognizer = cv2.face.LBPHFaceRecognizer_create(radius=2)
    recognizer.train(faces, np.array(labels))  # ok: DT101
    return recognizer
