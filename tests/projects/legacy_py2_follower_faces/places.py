"""Where a matched follower says they are: the profile's free-text location, geocoded."""

from geopy.geocoders import Nominatim

_geocoder = Nominatim(user_agent="follower-watch/0.2", timeout=10)
OFFICE = "1 Police Plaza, New York, NY"


def office():
    place = _geocoder.geocode(OFFICE)  # ok: DT302
    return place.latitude, place.longitude


def where(user):
    if not user.location:
        return None
    place = _geocoder.geocode(user.location.encode("utf-8"))  # expect: DT302
    if place is None:
        print "no place for %r" % user.location
        return None
    return place.latitude, place.longitude
