"""The package's public face: helpers re-exported from submodules."""

from .collect import friends_pictures
from .identify import identify as match_against_watchlist
from .report import send_report

__all__ = ["friends_pictures", "match_against_watchlist", "send_report"]
