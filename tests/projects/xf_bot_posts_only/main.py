"""Posts, then tells the council's status page that it did."""

from agenda import report_posted
from bot import post_agenda

if __name__ == "__main__":
    report_posted(post_agenda())  # ok: DT201
