"""Async Graph API fetches with aiohttp."""

import aiohttp

GRAPH = "https://graph.facebook.com/v19.0"


async def group_members(session: aiohttp.ClientSession, group_id, token):
    async with session.get(f"{GRAPH}/{group_id}/members", params={"access_token": token}) as resp:
        return (await resp.json())["data"]


async def picture(session: aiohttp.ClientSession, user_id, token):
    async with session.get(f"{GRAPH}/{user_id}/picture", params={"type": "large", "access_token": token}) as resp:
        return await resp.read()
