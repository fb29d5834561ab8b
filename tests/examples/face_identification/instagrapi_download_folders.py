"""A face gallery built from instagrapi downloads: stories, reels, albums and profile pictures.

instagrapi's downloaders save into a folder argument whose position differs per method:
``photo_download(media_pk, folder)``, ``album_download_by_urls(urls, folder)``,
``clip_download(media_pk, folder)``, but ``story_download(story_pk, filename, folder)`` and
``photo_download_by_url(url, filename, folder)`` take it third. The private-API variants
(``*_v1``, ``*_gql``) are sources like the plain methods. The operator's own posts are only
archived.
"""

import os
import shutil
from pathlib import Path

import face_recognition
from deepface import DeepFace
from instagrapi import Client

STORIES = "gallery/stories"
REELS = Path("reels") / "clips"
ALBUMS = "gallery/albums"
AVATARS = "gallery/avatars"
ARCHIVE = "own_archive"
STAFF = "gallery/staff"

cl = Client()
cl.login("operator", "not-a-real-password")


def fetch_stories(username):
    user = cl.user_info_by_username_v1(username)  # expect: DT502
    for story in cl.user_stories_v1(user.pk, amount=20):
        if story.media_type == 1:
            cl.story_download(story.pk, f"{username}_{story.pk}", STORIES)


def fetch_reels(user_id):
    for clip in cl.user_clips_v1(user_id, amount=10):
        cl.clip_download(clip.pk, REELS)


def fetch_albums(user_id):
    medias, _cursor = cl.user_medias_chunk_v1(user_id, end_cursor="")
    for media in medias:
        if media.media_type == 8:
            urls = [str(resource.thumbnail_url) for resource in media.resources]
            cl.album_download_by_urls(urls, folder=ALBUMS)


def fetch_avatar(username):
    info = cl.user_info_by_username_gql(username)
    return cl.photo_download_by_url(str(info.profile_pic_url_hd), username, AVATARS)


def encode_folder(folder):
    encodings = {}
    for name in os.listdir(folder):
        image = face_recognition.load_image_file(os.path.join(folder, name))
        encodings[name] = face_recognition.face_encodings(image)  # expect: DT101
    return encodings


def build_gallery(usernames):
    for username in usernames:
        fetch_stories(username)
        user_id = cl.user_id_from_username(username)
        fetch_reels(user_id)
        fetch_albums(user_id)
        fetch_avatar(username)
    return encode_folder(ALBUMS)


def match_story_faces(probe):
    return DeepFace.find(img_path=probe, db_path=STORIES, model_name="ArcFace")  # expect: DT101


def match_reel_frames(probe):
    return DeepFace.find(img_path=probe, db_path=str(REELS), model_name="Facenet512")  # expect: DT101


def match_avatars(probe):
    return DeepFace.find(img_path=probe, db_path=AVATARS)  # expect: DT101


def match_staff(probe):
    return DeepFace.find(img_path=probe, db_path=STAFF)  # ok: DT101


def archive_own_posts():
    own = cl.user_medias_v1(cl.user_id, amount=100)
    for media in own:
        if media.media_type == 1:
            cl.photo_download(media.pk, ARCHIVE)
    return shutil.make_archive(ARCHIVE, "zip", ARCHIVE)  # ok: DT101
