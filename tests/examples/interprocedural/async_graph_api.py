"""Async collection: aiohttp and httpx against the Graph API, `async with`, `async for`,
`await` and `asyncio.gather`.

Responses from graph.facebook.com carry Facebook data. `fetch_friends` is an async source;
`picture_bytes` downloads through an `httpx.AsyncClient`; `gather` collects every picture and
the encodings and the upload to a police host are reported where the awaited results arrive.
`upload_hits` holds its sink on a parameter, so its caller is the finding.
"""

import asyncio
from io import BytesIO

import aiohttp
import face_recognition
import httpx

GRAPH = "https://graph.facebook.com/v19.0"
POLICE_INTAKE = "https://intel.example.police.uk/api/persons"


async def fetch_friends(session, token):
    async with session.get(f"{GRAPH}/me/friends", params={"access_token": token}) as resp:
        body = await resp.json()
    return body["data"]


async def paged_posts(session, token):
    url = f"{GRAPH}/me/feed?access_token={token}"
    while url:
        async with session.get(url) as resp:
            page = await resp.json()
        for post in page["data"]:
            yield post
        url = page.get("paging", {}).get("next")


async def picture_bytes(client, user_id, token):
    resp = await client.get(f"{GRAPH}/{user_id}/picture", params={"type": "large", "access_token": token})
    return resp.content


async def upload_hits(client, hits):
    await client.post(POLICE_INTAKE, json=hits)  # expect: DT201


async def main(token):
    async with aiohttp.ClientSession() as session, httpx.AsyncClient(timeout=10) as client:
        friends = await fetch_friends(session, token)
        pictures = await asyncio.gather(*(picture_bytes(client, f["id"], token) for f in friends))
        encodings = [
            face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT101
            for raw in pictures
        ]
        await upload_hits(client, {"friends": friends, "encodings": encodings})
        await client.post(POLICE_INTAKE, json=[f["name"] for f in friends])  # expect: DT201
        await upload_hits(client, {"friends": len(friends)})  # ok: DT201

        async for post in paged_posts(session, token):
            if "full_picture" in post:
                raw = (await client.get(post["full_picture"])).content
                face_recognition.face_locations(face_recognition.load_image_file(BytesIO(raw)))  # expect: DT102


async def own_photo_only():
    async with httpx.AsyncClient() as client:
        raw = (await client.get("https://cdn.example.org/staff/alice.jpg")).content
        return face_recognition.face_encodings(face_recognition.load_image_file(BytesIO(raw)))  # ok: DT101


if __name__ == "__main__":
    asyncio.run(main("EAAB-not-a-real-token"))
