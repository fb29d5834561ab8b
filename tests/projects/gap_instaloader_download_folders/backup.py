"""Backs up the operator's own account: posts and saved posts are zipped, never analysed."""

import shutil

import instaloader

from settings import BACKUP_DIR

OWN_ACCOUNT = "our_studio"


def backup_own_account(password):
    loader = instaloader.Instaloader(download_videos=True)
    loader.login(OWN_ACCOUNT, password)
    profile = instaloader.Profile.from_username(loader.context, OWN_ACCOUNT)  # expect: DT502
    for post in profile.get_posts():
        loader.download_post(post, target=BACKUP_DIR)
    return shutil.make_archive(BACKUP_DIR, "zip", BACKUP_DIR)  # ok: DT101
