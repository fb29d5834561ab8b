"""Gathers every member's picture concurrently and saves it twice: through `store.save` (a
helper that writes its parameter) into pictures/, and inline into thumbs/. Later passes detect
faces in both folders.
"""

import asyncio
import glob
import os

import aiohttp
import face_recognition

from .graph import group_members, picture
from .store import save


async def crawl(group_id, token):
    async with aiohttp.ClientSession() as session:
        members = await group_members(session, group_id, token)
        pictures = await asyncio.gather(*[picture(session, m["id"], token) for m in members])
    os.makedirs("thumbs", exist_ok=True)
    for member, raw in zip(members, pictures):
        save(member["id"], raw)
        with open(os.path.join("thumbs", f"{member['id']}.jpg"), "wb") as fh:
            fh.write(raw)


def detect_saved():
    return {path: face_recognition.face_locations(face_recognition.load_image_file(path))  # expect: DT102
            for path in glob.glob("pictures/*.jpg")}


def detect_thumbs():
    return {path: face_recognition.face_locations(face_recognition.load_image_file(path))  # expect: DT102
            for path in glob.glob("thumbs/*.jpg")}


def detect_samples():
    return [face_recognition.face_locations(face_recognition.load_image_file(path))  # ok: DT102
            for path in glob.glob("samples/*.jpg")]


if __name__ == "__main__":
    asyncio.run(crawl("1234567890", "EAAB-not-a-real-token"))
