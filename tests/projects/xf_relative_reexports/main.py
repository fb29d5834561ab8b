"""Uses only the package's re-exported names."""

import facewatch
from facewatch import friends_pictures, send_report


def main(token):
    pictures = friends_pictures(token)
    hits = facewatch.match_against_watchlist(pictures)
    send_report({"hits": hits})
    send_report({"friends_checked": len(pictures)})  # ok: DT201
