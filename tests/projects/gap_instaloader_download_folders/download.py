"""Downloads the posts, stories, highlights and tagged photos of a watch list with instaloader.

instaloader's ``download_*`` methods write the media themselves: ``download_post(post, target)``
saves into the folder ``target`` (the default ``dirname_pattern`` is ``{target}``),
``download_stories`` and ``download_highlights`` into ``filename_target``, ``download_tagged``
into ``target``. The encoder in ``encode.py`` lists those folders.
"""

import instaloader

from settings import GALLERY_ROOT, HIGHLIGHTS_DIR, POSTS_DIR, STORIES_DIR, TAGGED_DIR

loader = instaloader.Instaloader(download_videos=False, save_metadata=False, compress_json=False)


def login(user, password):
    loader.login(user, password)


def download_recent_posts(username, limit=30):
    profile = instaloader.Profile.from_username(loader.context, username)  # expect: DT502
    for index, post in enumerate(profile.get_posts()):
        if index >= limit:
            break
        loader.download_post(post, target=POSTS_DIR)
    return profile


def download_stories_and_highlights(profile):
    loader.download_stories(userids=[profile.userid], filename_target=STORIES_DIR)
    loader.download_highlights(profile, fast_update=True, filename_target=HIGHLIGHTS_DIR)


def download_tagged_photos(profile):
    loader.download_tagged(profile, False, TAGGED_DIR)


def download_into_gallery(username):
    """A loader whose dirname_pattern puts every target below one root folder."""
    gallery = instaloader.Instaloader(dirname_pattern=GALLERY_ROOT + "/{target}", download_videos=False)
    gallery.download_profile(username, profile_pic_only=True)


def run(watchlist):
    for username in watchlist:
        profile = download_recent_posts(username)
        download_stories_and_highlights(profile)
        download_tagged_photos(profile)
        download_into_gallery(username)
