"""Staff badge photos, checked locally: no platform data ever arrives here."""

from pathlib import Path

import face_recognition


def staff_encodings(folder="staff"):
    return {p.stem: face_recognition.face_encodings(face_recognition.load_image_file(p)) for p in Path(folder).glob("*.jpg")}  # ok: DT101
