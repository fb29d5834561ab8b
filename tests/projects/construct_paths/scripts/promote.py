"""Moves finished downloads from the inbox into the queue the encoder works on."""

import os
import shutil

INBOX = "inbox"
QUEUE = os.path.join(os.getcwd(), "queue")


def promote():
    os.makedirs(QUEUE, exist_ok=True)
    for name in sorted(os.listdir(INBOX)):
        if name.endswith(".jpg"):
            shutil.move(os.path.join(INBOX, name), os.path.join(QUEUE, name))


def archive_logos():
    for name in os.listdir("brand"):
        shutil.copy2(os.path.join("brand", name), os.path.join("site", name))


if __name__ == "__main__":
    promote()
    archive_logos()
