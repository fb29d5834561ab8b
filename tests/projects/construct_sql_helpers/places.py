"""Geocodes the places table (from X profiles) and the offices table (the project's own list)."""

from geopy.geocoders import Nominatim

import store

geolocator = Nominatim(user_agent="watchlist/0.3")


def locate_people():
    conn = store.connect()
    return {handle: geolocator.geocode(place) for handle, place in conn.execute("SELECT handle, place FROM places")}  # expect: DT302


def locate_offices():
    conn = store.connect()
    cur = conn.execute("SELECT city, address FROM offices ORDER BY city")
    return [geolocator.geocode(f"{address}, {city}") for city, address in cur.fetchall()]  # ok: DT302
