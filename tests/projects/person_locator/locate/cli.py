"""Command line: map one account, locate a Telegram user from People Nearby, or map the venue."""

import asyncio
import os
import sys

import folium

from locate import maps, nearby, settings


def locate_telegram_user(user_id):
    samples = asyncio.run(nearby.distances_to(user_id))
    lat, lon = nearby.trilaterate(samples)
    m = folium.Map(location=(lat, lon), zoom_start=15)
    folium.Marker((lat, lon), popup=f"user {user_id}").add_to(m)  # ok: DT302
    m.save(os.path.join(settings.OUT_DIR, f"telegram_{user_id}.html"))


def main(argv):
    command, target = argv[1], argv[2]
    if command == "x":
        maps.timeline_map(target)
        print(maps.addresses(target), maps.towns(target))
    elif command == "instagram":
        maps.instagram_kml(target)
        maps.instagram_gmap(target)
        maps.movement_map(target)
        print(maps.instagram_addresses(target))
    elif command == "telegram":
        locate_telegram_user(int(target))
    elif command == "festival":
        maps.venue_map()


if __name__ == "__main__":
    main(sys.argv)
