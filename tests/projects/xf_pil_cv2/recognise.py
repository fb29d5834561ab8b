"""Reads the crops with OpenCV; detection and LBPH training on them."""

import glob

import cv2
import numpy as np

cascade = cv2.CascadeClassifier(cv2.data.haarcascades + "haarcascade_frontalface_default.xml")
recognizer = cv2.face.LBPHFaceRecognizer_create()


def train():
    samples, labels = [], []
    for label, path in enumerate(sorted(glob.glob("crops/*.png"))):
        gray = cv2.cvtColor(cv2.imread(path), cv2.COLOR_BGR2GRAY)
        for (x, y, w, h) in cascade.detectMultiScale(gray, 1.1, 5):  # expect: DT102
            samples.append(gray[y:y + h, x:x + w])
            labels.append(label)
    recognizer.train(samples, np.array(labels))  # expect: DT101


def check_one(username):
    gray = cv2.imread(f"crops/{username}.png", cv2.IMREAD_GRAYSCALE)
    return recognizer.predict(gray)  # expect: DT101


def check_placeholder():
    gray = cv2.imread("crops_blank/placeholder.png", cv2.IMREAD_GRAYSCALE)
    return cascade.detectMultiScale(gray)  # ok: DT102
