"""Thumbnails and videos of a channel's uploads fetched with yt-dlp, then searched for a face.

``YoutubeDL(params).download(urls)`` writes where the ``outtmpl`` option says; ``extract_info``
returns the metadata (and ``prepare_filename`` the path it was saved to). The frames of the
channel's own tutorial videos are only thumbnailed for the website.
"""

import glob
import os

import cv2
import face_recognition
from yt_dlp import YoutubeDL

DOWNLOADS = "yt_faces"
OPTIONS = {
    "outtmpl": DOWNLOADS + "/%(uploader_id)s/%(id)s.%(ext)s",
    "writethumbnail": True,
    "skip_download": True,
    "quiet": True,
}


def download_thumbnails(video_urls):
    with YoutubeDL(OPTIONS) as ydl:
        ydl.download(video_urls)  # expect: DT502


def encode_downloaded():
    faces = []
    for path in glob.glob(os.path.join(DOWNLOADS, "*", "*.webp")):
        faces.extend(face_recognition.face_encodings(face_recognition.load_image_file(path)))  # expect: DT101
    return faces


def encode_one(video_url):
    with YoutubeDL({"format": "mp4", "outtmpl": "single/%(id)s.%(ext)s"}) as ydl:
        info = ydl.extract_info(video_url, download=True)
        path = ydl.prepare_filename(info)
    capture = cv2.VideoCapture(path)
    ok, frame = capture.read()
    rgb = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB) if ok else None
    return face_recognition.face_encodings(rgb)  # expect: DT101


def thumbnail_own_tutorials():
    previews = []
    for path in glob.glob("tutorials/*.mp4"):
        ok, frame = cv2.VideoCapture(path).read()
        if ok:
            previews.append(cv2.resize(frame, (320, 180)))
    return previews


def faces_in_tutorials():
    return [face_recognition.face_encodings(face_recognition.load_image_file(p))  # ok: DT101
            for p in glob.glob("tutorials/stills/*.png")]
