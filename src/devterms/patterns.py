"""The two small languages of the rule pack: call paths and host patterns.

A *call path* names what a call reaches the way the engine spells resolved expressions:
dotted names, with ``()`` after every name that is called on the way. ``tweepy.Client()`` is an
instance of ``tweepy.Client`` and ``tweepy.Client().search_recent_tweets`` its method.
A factory keyed by a string literal spells the literal: ``boto3.client('rekognition')``; a pattern
``()`` matches a call with or without such a literal. ``*`` stands for one name and ``**`` for one
or more whole segments (``vk_api.VkApi().get_api().**``).

A *host pattern* is a host name (``graph.facebook.com``) or a suffix (``*.gov``), the latter
matching the apex and any subdomain. Matching is case-insensitive and ignores a port.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SEGMENT = re.compile(
    r"""
    (?P<name> \*\* | \* | [A-Za-z_][A-Za-z0-9_]* )     # a name, or a wildcard
    (?P<calls> (?: \( (?: '[\w\-]*' )? \) )* )           # zero or more calls, maybe keyed
    """,
    re.VERBOSE,
)
_LITERAL_KEY = re.compile(r"[\w\-]*\Z")
_ANY_CALL = r"\((?:'[\w\-]*')?\)"
_ANY_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_ANY_SEGMENTS = r"[^.]+(?:\.[^.]+)*"


class PatternError(ValueError):
    """A call path or host pattern that is not well formed."""


def compile_call_pattern(text: str) -> str:
    """Translate one call path pattern to a regular expression (anchored by the caller)."""
    parts: list[str] = []
    for segment in text.split("."):
        match = _SEGMENT.fullmatch(segment)
        if match is None:
            raise PatternError(f"{segment!r} is not a name, '*' or '**' followed by calls")
        name = match["name"]
        parts.append({"**": _ANY_SEGMENTS, "*": _ANY_NAME}.get(name, re.escape(name)))
        for call in re.findall(r"\([^)]*\)", match["calls"]):
            parts[-1] += _ANY_CALL if call == "()" else re.escape(call)
    return r"\.".join(parts)


class CallMatcher:
    """Matches resolved call paths against many patterns at once, remembering what matched."""

    def __init__(self, patterns: Iterable[tuple[str, object]]) -> None:
        self._exact: dict[str, list[object]] = {}
        self._wild: list[tuple[re.Pattern[str], object]] = []
        for pattern, payload in patterns:
            if "*" in pattern or "(" in pattern:
                self._wild.append((re.compile(compile_call_pattern(pattern) + r"\Z"), payload))
            else:
                compile_call_pattern(pattern)  # validates
                self._exact.setdefault(pattern, []).append(payload)

    def match(self, path: str) -> list[object]:
        found = list(self._exact.get(path, ()))
        found.extend(payload for regex, payload in self._wild if regex.match(path))
        return found


def literal_key(value: str) -> str | None:
    """The form a string literal takes inside a call path, or None if it cannot key a factory."""
    return f"'{value}'" if _LITERAL_KEY.match(value) and len(value) <= 64 else None


def normalise_host(host: str) -> str:
    host = host.strip().lower().rstrip(".")
    if host.startswith("[") or host.count(":") > 1:  # an IPv6 literal: keep as it is
        return host
    return host.split(":", 1)[0]


def validate_host_pattern(pattern: str) -> None:
    body = pattern[2:] if pattern.startswith("*.") else pattern
    if not body or "*" in body or "/" in body or " " in body:
        raise PatternError(f"{pattern!r} is not a host name or '*.suffix'")


def host_matches(host: str, pattern: str) -> bool:
    host = normalise_host(host)
    pattern = pattern.lower()
    if pattern.startswith("*."):
        suffix = pattern[2:]
        return host == suffix or host.endswith("." + suffix)
    return host == pattern
