"""Downloads the uploads of the channels a tip names, and single clips."""

from yt_dlp import YoutubeDL

from settings import CHANNEL_OPTIONS, CLIP_OPTIONS


def archive_channels(channel_urls):
    with YoutubeDL(CHANNEL_OPTIONS) as ydl:
        ydl.download(channel_urls)  # expect: DT502


def fetch_clip(url):
    downloader = YoutubeDL(params=CLIP_OPTIONS)
    downloader.download([url])
