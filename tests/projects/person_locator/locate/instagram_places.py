"""Where one Instagram account posts from: post locations, through instaloader."""

import instaloader

loader = instaloader.Instaloader(download_pictures=False, download_videos=False, save_metadata=False)


def post_locations(username, limit=50):
    profile = instaloader.Profile.from_username(loader.context, username)  # expect: DT502
    found = []
    for post in profile.get_posts():
        if len(found) >= limit:
            break
        location = post.location
        if location is not None and location.lat is not None:
            found.append({"name": location.name, "lat": location.lat, "lng": location.lng, "date": post.date_utc})
    return found
