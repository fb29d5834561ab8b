"""A "people dossier" collector that mixes unofficial scrapers with the platforms' official clients.

facebook-scraper, instagrapi (Instagram's private mobile API), linkedin-api (LinkedIn's internal
Voyager API, logged in as a member), TikTokApi, yt-dlp and youtube-comment-downloader all collect
data without the official API: DT501 at each collecting call. The official clients next to them
(the Graph API through facebook-sdk, praw, LinkedIn's Rest.li client, the YouTube Data API) are
not scraping. linkedin-api and LinkedIn's official linkedin-api-client share the module name
`linkedin_api`; only the Voyager client is a scraper.
"""

import asyncio

import facebook
import praw
from facebook_scraper import get_posts, get_profile
from googleapiclient.discovery import build
from instagrapi import Client as InstaClient
from linkedin_api import Linkedin
from linkedin_api.clients.restli.client import RestliClient
from TikTokApi import TikTokApi
from youtube_comment_downloader import YoutubeCommentDownloader
from yt_dlp import YoutubeDL

insta = InstaClient()
voyager = Linkedin("not-a-real-user@example.org", "not-a-real-password")
restli = RestliClient()
graph = facebook.GraphAPI(access_token="not-a-real-token", version="3.1")
reddit = praw.Reddit(client_id="not-a-real-id", client_secret="not-a-real-secret", user_agent="dossier/0.1")
youtube = build("youtube", "v3", developerKey="not-a-real-key")


def facebook_dossier(page):
    profile = get_profile(page, cookies="cookies.txt")  # expect: DT501
    posts = [p["text"] for p in get_posts(page, pages=5, options={"comments": True})]
    return profile, posts


def instagram_dossier(username):
    user_id = insta.user_id_from_username(username)  # expect: DT502
    followers = insta.user_followers(user_id, amount=200)
    return {pk: u.username for pk, u in followers.items()}


def linkedin_dossier(public_id):
    profile = voyager.get_profile(public_id)  # expect: DT502
    contact = voyager.get_profile_contact_info(public_id)
    return profile, contact


async def tiktok_dossier(username):
    async with TikTokApi() as api:
        await api.create_sessions(num_sessions=1, sleep_after=3)
        user = api.user(username)  # expect: DT502
        return [video.as_dict async for video in user.videos(count=30)]


def youtube_dossier(video_url):
    with YoutubeDL({"skip_download": True, "quiet": True}) as ydl:
        info = ydl.extract_info(video_url, download=False)  # expect: DT502
    comments = YoutubeCommentDownloader().get_comments_from_url(video_url)  # expect: DT501
    return info["uploader"], [c["author"] for c in comments]


def official_facebook(page_id):
    return graph.get_connections(page_id, "posts", fields="message,created_time")  # ok: DT501


def official_reddit(subreddit):
    return [s.title for s in reddit.subreddit(subreddit).hot(limit=10)]  # ok: DT501


def official_linkedin(token):
    return restli.get(resource_path="/me", access_token=token)  # ok: DT501


def official_youtube(channel_id):
    request = youtube.search().list(part="snippet", channelId=channel_id, maxResults=25)
    return request.execute()  # ok: DT501


def official_facebook_me():
    return graph.get_object("me", fields="name")  # ok: DT501


if __name__ == "__main__":
    asyncio.run(tiktok_dossier("someone"))
