"""Photos posted in a Telegram group, saved with pyrogram and matched against a probe face.

``download_media(message, file_name)`` writes the file itself; a ``file_name`` ending in ``/``
is a folder. Stickers saved for the bot's own reply set are not analysed.
"""

import os

import face_recognition
from pyrogram import Client

PHOTOS = "group_photos/"
STICKERS = "sticker_set/"

app = Client("watcher", api_id=123456, api_hash="not-a-real-hash")


async def save_group_photos(chat):
    async for message in app.get_chat_history(chat, limit=500):
        if message.photo:
            await app.download_media(message, file_name=PHOTOS)


async def save_own_stickers(chat):
    async for message in app.get_chat_history(chat, limit=50):
        if message.sticker and message.outgoing:
            await app.download_media(message, STICKERS)


def find_probe(probe_path):
    probe = face_recognition.face_encodings(face_recognition.load_image_file(probe_path))[0]
    hits = []
    for name in os.listdir(PHOTOS):
        image = face_recognition.load_image_file(os.path.join(PHOTOS, name))
        for known in face_recognition.face_encodings(image):  # expect: DT101
            if face_recognition.compare_faces([known], probe)[0]:  # ok: DT101
                hits.append(name)
    return hits


def sticker_faces():
    return [face_recognition.face_locations(face_recognition.load_image_file("bot_assets/" + n))  # ok: DT102
            for n in os.listdir("bot_assets")]
