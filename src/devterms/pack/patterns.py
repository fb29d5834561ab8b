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
from collections.abc import Iterable, Mapping

_SEGMENT = re.compile(
    r"""
    (?P<name> \*\* | \* | [A-Za-z_][A-Za-z0-9_]* )     # a name, or a wildcard
    (?P<calls> (?: \( (?: '[\w\-]*' | '\*' )? \) )* )   # zero or more calls, maybe keyed
    """,
    re.VERBOSE,
)
_LITERAL_KEY = re.compile(r"[\w\-]*\Z")
ANY_KEY = "('*')"  # a call keyed by its string argument, whatever it is (``transformers.pipeline('*')``)
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
            parts[-1] += _ANY_CALL if call in ("()", ANY_KEY) else re.escape(call)
    return r"\.".join(parts)


class CallMatcher:
    """Matches resolved call paths against many patterns at once, remembering what matched.

    Patterns without wildcards are looked up exactly (a path's factory keys may be dropped to
    match a bare ``()``); wildcard patterns are indexed by their first name, so a path is only
    tried against the patterns of its own root module. Answers are memoised per path.
    """

    def __init__(self, patterns: Iterable[tuple[str, object]], aliases: Mapping[str, str] | None = None) -> None:
        self._aliases = aliases or {}
        self._exact: dict[str, list[object]] = {}
        self._wild_sources: dict[str, list[tuple[str, object]]] = {}
        for pattern, payload in patterns:
            regex = compile_call_pattern(pattern)  # validates every pattern
            if "*" in pattern:
                root = pattern.split(".", 1)[0].split("(", 1)[0]
                self._wild_sources.setdefault(root, []).append((regex + r"\Z", payload))
            else:
                self._exact.setdefault(pattern, []).append(payload)
        self._wild: dict[str, list[tuple[re.Pattern[str], object]]] = {}
        self._memo: dict[str, list[object]] = {}

    def match(self, path: str) -> list[object]:
        found = self._memo.get(path)
        if found is None:
            found = self._match(path)
            if len(self._memo) < 100_000:
                self._memo[path] = found
        return found

    def _match(self, path: str) -> list[object]:
        path = canonical(path, self._aliases)
        found = list(self._exact.get(path, ()))
        without_keys = unkeyed(path)
        if without_keys != path:
            found.extend(self._exact.get(without_keys, ()))
        root = path.split(".", 1)[0].split("(", 1)[0]
        for group in (self._wild_group(root), self._wild_group("*"), self._wild_group("**")):
            found.extend(payload for regex, payload in group if regex.match(path))
        return found

    def _wild_group(self, root: str) -> list[tuple[re.Pattern[str], object]]:
        """The wildcard patterns of one root name, compiled when a path first asks for them: a
        run whose files are all screened out (a warm check, a save) compiles none."""
        group = self._wild.get(root)
        if group is None:
            group = self._wild[root] = [(re.compile(regex), payload)
                                        for regex, payload in self._wild_sources.get(root, ())]
        return group


_KEY = re.compile(r"\('(?:[\w\-]*|\*)'\)")  # a literal key, or ANY_KEY in a pattern
_NAME_END = re.compile(r"[.(]")


def canonical(path: str, aliases: Mapping[str, str]) -> str:
    """``path`` with its longest leading alias replaced by what it means: a module that re-exports
    a class (``tweepy.client.Client`` as ``tweepy.Client``) is matched by one pattern."""
    if not aliases:
        return path
    ends = [m.start() for m in _NAME_END.finditer(path)] + [len(path)]
    for end in reversed(ends):
        means = aliases.get(path[:end])
        if means is not None:
            return means + path[end:]
    return path


def keyed_factories(patterns: Iterable[str]) -> frozenset[str]:
    """The calls the patterns key by their string argument (``boto3.client`` in
    ``boto3.client('rekognition').index_faces``, ``transformers.pipeline`` in
    ``transformers.pipeline('*')``), written without keys: only a call to one of these carries its
    literal key into its result's path, where patterns can tell it apart and reports show it."""
    return frozenset(unkeyed(pattern[:m.start()]) for pattern in patterns for m in _KEY.finditer(pattern))


def unkeyed(path: str) -> str:
    """``path`` with every key dropped: ``boto3.client('s3').get`` -> ``boto3.client().get``."""
    return _KEY.sub("()", path)


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
