"""Searches the downloaded folder for a probe face, and matches a single downloaded photo."""

from deepface import DeepFace

from download import DB, download


def find_probe(probe_path):
    return DeepFace.find(img_path=probe_path, db_path="face_db", model_name="ArcFace")  # expect: DT101


def find_probe_by_constant(probe_path):
    return DeepFace.find(img_path=probe_path, db_path=str(DB))  # expect: DT101


def verify_first(hashtag, probe_path):
    path = download(hashtag, amount=1)[0]
    return DeepFace.verify(img1_path=probe_path, img2_path=str(path))  # expect: DT101


def find_in_staff(probe_path):
    return DeepFace.find(img_path=probe_path, db_path="staff_db")  # ok: DT101
