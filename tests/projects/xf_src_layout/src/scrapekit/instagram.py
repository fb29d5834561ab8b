"""Instagram profile photos through instagrapi's private API (DT501 at the collection call)."""

from instagrapi import Client

cl = Client()


def profile_photos(usernames):
    photos = {}
    for name in usernames:
        info = cl.user_info_by_username(name)  # expect: DT502
        photos[name] = str(info.profile_pic_url_hd)
    return photos
