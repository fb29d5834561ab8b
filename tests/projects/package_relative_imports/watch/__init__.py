"""A small package: re-exports the sweep helpers."""

from .sinks import search, sweep

__all__ = ["search", "sweep"]
