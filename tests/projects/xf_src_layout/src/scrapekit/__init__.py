"""A src/ layout: the package lives under src/, the entry script under scripts/."""

from scrapekit.instagram import profile_photos

__all__ = ["profile_photos"]
