"""Where the channel archive lives; yt-dlp options with a home folder and a dict of templates."""

import os

ARCHIVE = os.path.join("data", "channels")
CLIPS = "clips"

CHANNEL_OPTIONS = {
    "paths": {"home": ARCHIVE, "temp": "tmp"},
    "outtmpl": {"default": "%(uploader_id)s/%(id)s.%(ext)s", "thumbnail": "%(uploader_id)s/thumbs/%(id)s"},
    "writethumbnail": True,
    "quiet": True,
}

CLIP_OPTIONS = {"format": "mp4", "outtmpl": {"default": CLIPS + "/%(id)s.%(ext)s"}}
