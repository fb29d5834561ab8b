"""Members' profile photos and the photos posted in a Telegram group, downloaded with Telethon and
enrolled for face identification.

``download_profile_photo(entity, file=...)`` and ``download_media(message, file=...)`` write
the files themselves: into a folder (``file`` ending in ``/``), a named file, or an in-memory
buffer that the caller then reads. The export of the operator's own channel is only archived.
"""

import asyncio
import glob
import io
import os

import face_recognition
from telethon import TelegramClient

API_ID, API_HASH = 123456, "not-a-real-hash"
AVATAR_DIR = "members/avatars"
PHOTO_DIR = "members/photos"
EXPORT_DIR = "channel_export"
STAFF_DIR = "staff_badges"


async def download_avatars(client, group):
    async for user in client.iter_participants(group, limit=500):
        await client.download_profile_photo(user, file=os.path.join(AVATAR_DIR, f"{user.id}.jpg"))


async def download_group_photos(client, group):
    async for message in client.iter_messages(group, limit=1000):
        if message.photo:
            await client.download_media(message, PHOTO_DIR + "/")


async def encode_in_memory(client, username):
    buffer = io.BytesIO()
    await client.download_profile_photo(username, file=buffer)
    buffer.seek(0)
    return face_recognition.face_encodings(face_recognition.load_image_file(buffer))  # expect: DT101


def enroll_avatars():
    known = {}
    for path in glob.glob(os.path.join(AVATAR_DIR, "*.jpg")):
        user_id = os.path.splitext(os.path.basename(path))[0]
        known[user_id] = face_recognition.face_encodings(face_recognition.load_image_file(path))  # expect: DT101
    return known


def enroll_group_photos():
    faces = []
    for name in os.listdir(PHOTO_DIR):
        image = face_recognition.load_image_file(os.path.join(PHOTO_DIR, name))
        faces.extend(face_recognition.face_encodings(image))  # expect: DT101
    return faces


async def export_own_channel(client, channel):
    async for message in client.iter_messages(channel):
        if message.media:
            await client.download_media(message, file=EXPORT_DIR + "/")
    return sorted(os.listdir(EXPORT_DIR))


def enroll_staff_badges():
    return [face_recognition.face_encodings(face_recognition.load_image_file(path))  # ok: DT101
            for path in glob.glob(os.path.join(STAFF_DIR, "*.png"))]


async def main():
    async with TelegramClient("session", API_ID, API_HASH) as client:
        await download_avatars(client, "some_public_group")
        await download_group_photos(client, "some_public_group")
        await export_own_channel(client, "our_own_channel")
        probe = await encode_in_memory(client, "someone_of_interest")
    return probe, enroll_avatars(), enroll_group_photos()


if __name__ == "__main__":
    asyncio.run(main())
