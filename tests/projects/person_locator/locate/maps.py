"""Maps and addresses of one person's whereabouts, and a map of the festival's own venue."""

import os

import folium
import gmplot
import reverse_geocoder as rg
import simplekml
from folium.plugins import AntPath, HeatMap
from geopy.geocoders import Nominatim
from opencage.geocoder import OpenCageGeocode

from locate import instagram_places, settings, x_places

geocoder = Nominatim(user_agent=settings.GEOCODER_AGENT)
opencage = OpenCageGeocode(settings.OPENCAGE_KEY)


def timeline_map(username):
    points = x_places.places_of(username)
    m = folium.Map(location=points[0][:2] if points else settings.VENUE, zoom_start=12)
    for lat, lon, text, when in points:
        folium.Marker([lat, lon], popup=f"{when:%Y-%m-%d %H:%M} {text[:80]}").add_to(m)  # expect: DT302
    folium.PolyLine([(lat, lon) for lat, lon, _, _ in points], weight=2).add_to(m)  # expect: DT302
    m.save(os.path.join(settings.OUT_DIR, f"{username}.html"))


def addresses(username):
    return [geocoder.reverse((lat, lon), exactly_one=True, language="en") for lat, lon, _, _ in x_places.places_of(username)]  # expect: DT302


def towns(username):
    coords = [(lat, lon) for lat, lon, _, _ in x_places.places_of(username)]
    return [(hit["name"], hit["admin1"], hit["cc"]) for hit in rg.search(coords)]  # expect: DT302


def movement_map(username):
    spots = sorted(instagram_places.post_locations(username), key=lambda s: s["date"])
    m = folium.Map(location=settings.VENUE, zoom_start=11)
    AntPath([(s["lat"], s["lng"]) for s in spots], delay=800).add_to(m)  # expect: DT302
    m.save(os.path.join(settings.OUT_DIR, f"{username}_moves.html"))


def instagram_addresses(username):
    found = []
    for spot in instagram_places.post_locations(username):
        results = opencage.reverse_geocode(spot["lat"], spot["lng"], no_annotations=1)  # expect: DT302
        found.append(results[0]["formatted"] if results else spot["name"])
    return found


def instagram_kml(username):
    kml = simplekml.Kml()
    for spot in instagram_places.post_locations(username):
        kml.newpoint(name=f"{spot['name']} {spot['date']:%Y-%m-%d}", coords=[(spot["lng"], spot["lat"])])  # expect: DT302
    kml.save(os.path.join(settings.OUT_DIR, f"{username}.kml"))


def instagram_gmap(username):
    spots = instagram_places.post_locations(username)
    plot = gmplot.GoogleMapPlotter(settings.VENUE[0], settings.VENUE[1], 11, apikey=settings.GMAPS_KEY)
    plot.scatter([s["lat"] for s in spots], [s["lng"] for s in spots], color="red", size=40, marker=False)  # expect: DT302
    plot.draw(os.path.join(settings.OUT_DIR, f"{username}_gmap.html"))


def venue_map():
    """The festival's own stage, typed in by the organisers."""
    m = folium.Map(location=settings.VENUE, zoom_start=15)
    folium.Marker(settings.VENUE, popup=settings.VENUE_NAME).add_to(m)  # ok: DT302
    m.save(os.path.join(settings.OUT_DIR, "venue.html"))


def hashtag_heatmap(tag):
    """Where a festival hashtag is tweeted from, as a heat map of many people's places."""
    m = folium.Map(location=settings.VENUE, zoom_start=5)
    HeatMap(x_places.hashtag_places(tag), radius=18).add_to(m)  # ok: DT302
    m.save(os.path.join(settings.OUT_DIR, f"heat_{tag.strip('#')}.html"))


def hashtag_gmap(tag):
    points = x_places.hashtag_places(tag)
    plot = gmplot.GoogleMapPlotter(settings.VENUE[0], settings.VENUE[1], 5, apikey=settings.GMAPS_KEY)
    plot.heatmap([lat for lat, _ in points], [lng for _, lng in points], radius=25)  # ok: DT302
    plot.draw(os.path.join(settings.OUT_DIR, f"heat_{tag.strip('#')}_gmap.html"))
