"""Collects one person's posts, stories and places, and a hashtag's top posts.

The private API's feeds (username_feed, user_reel_media, feed_location, tag_section), the
profile details (user_detail_info) and the map of a user's geotagged posts (user_map) are all
collected through an unofficial client (DT502, once for this module).
"""

from clients import mobile, web
from media import FACES_DIR, TAGS_DIR, image_urls, save_images


def collect_person(username):
    feed = mobile.username_feed(username)  # expect: DT502
    save_images(image_urls(feed.get("items", [])), FACES_DIR, username)
    details = mobile.user_detail_info(feed["items"][0]["user"]["pk"])
    stories = mobile.user_reel_media(details["user"]["pk"])
    save_images(image_urls(stories.get("items", [])), FACES_DIR, username + "_story")
    return details


def collect_avatar(username):
    info = web.user_info2(username)
    return save_images([info["profile_pic_url_hd"]], FACES_DIR, username + "_avatar")


def profile_picture_url(username):
    return web.user_info2(username)["profile_pic_url_hd"]


def story_image_urls(user_id):
    return image_urls(mobile.user_reel_media(user_id).get("items", []))


def person_places(user_id):
    return mobile.user_map(user_id).get("geo_media", [])


def hashtag_posts(tag):
    rank = mobile.generate_uuid()
    section = mobile.tag_section(tag, tab="top")
    recent = mobile.feed_tag(tag, rank)
    items = [m["media"] for s in section.get("sections", []) for m in s["layout_content"].get("medias", [])]
    return save_images(image_urls(items + recent.get("items", [])), TAGS_DIR, tag)


def place_posts(location_id):
    return mobile.feed_location(location_id, mobile.generate_uuid()).get("items", [])
