"""A management command's body: follower profiles of an Instagram account into the database."""

import instaloader

from people.models import Profile, Staff

loader = instaloader.Instaloader(download_pictures=False)


def ingest(account):
    profile = instaloader.Profile.from_username(loader.context, account)  # expect: DT502
    for follower in profile.get_followers():
        Profile.objects.create(username=follower.username, photo_url=follower.profile_pic_url)


def ingest_one(account):
    found = instaloader.Profile.from_username(loader.context, account)
    row = Profile(username=found.username, photo_url=found.profile_pic_url)
    row.save()


def hire(name, photo):
    Staff.objects.create(name=name, badge_photo=photo)
