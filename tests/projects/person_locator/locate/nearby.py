"""Telegram People Nearby from several points: distances to one user, then trilateration."""

import math

from telethon import TelegramClient, functions, types

from locate import settings


def _distances(updates, user_id):
    for update in updates.updates:
        for peer in getattr(update, "peers", []):
            if getattr(peer, "peer", None) is not None and getattr(peer.peer, "user_id", None) == user_id:
                return peer.distance
    return None


async def distances_to(user_id):
    found = []
    async with TelegramClient("locate", settings.TG_API_ID, settings.TG_API_HASH) as tg:
        for lat, lon in settings.SAMPLE_POINTS:
            point = types.InputGeoPoint(lat=lat, long=lon)
            updates = await tg(functions.contacts.GetLocatedRequest(geo_point=point))  # expect: DT302
            found.append((lat, lon, _distances(updates, user_id)))
    return found


def trilaterate(samples):
    """Least-squares position from (lat, lon, metres) samples, on a local flat projection."""
    (lat0, lon0, _), *_ = samples
    k = 111_320.0
    xs = [((lon - lon0) * k * math.cos(math.radians(lat0)), (lat - lat0) * k, d) for lat, lon, d in samples if d]
    (x1, y1, r1), (x2, y2, r2), (x3, y3, r3) = xs[:3]
    a, b = 2 * (x2 - x1), 2 * (y2 - y1)
    c = r1 ** 2 - r2 ** 2 - x1 ** 2 + x2 ** 2 - y1 ** 2 + y2 ** 2
    d, e = 2 * (x3 - x2), 2 * (y3 - y2)
    f = r2 ** 2 - r3 ** 2 - x2 ** 2 + x3 ** 2 - y2 ** 2 + y3 ** 2
    x = (c * e - f * b) / (e * a - b * d)
    y = (c * d - a * f) / (b * d - a * e)
    return lat0 + y / k, lon0 + x / (k * math.cos(math.radians(lat0)))
