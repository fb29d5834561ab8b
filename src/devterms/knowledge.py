"""The rule pack compiled for lookups: which call paths and hosts are sources, sinks or neither.

Built once per pack; every question the engine asks about a name or a URL is answered here, so
the engine itself never mentions a library, a platform or a host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from devterms.patterns import CallMatcher, host_matches
from devterms.rulepack import HttpClient, RulePack, Sink, Source, Storage
from devterms.values import HOLE

_URL = re.compile(r"(?:[a-z][a-z0-9+.\-]*:)?//(?P<host>[^/?#\0]*)(?P<rest>.*)", re.I | re.S)
_BARE_HOST = re.compile(r"(?P<host>(?:[a-z0-9\-]+\.)+[a-z]{2,})(?P<rest>/.*)?\Z", re.I | re.S)


@dataclass(frozen=True, slots=True)
class Endpoint:
    host: str
    path: str


def parse_endpoint(text: str | None) -> Endpoint | None:
    """The host and path of a URL template, if the host part is known."""
    if not text:
        return None
    match = _URL.match(text) or _BARE_HOST.match(text)
    if match is None:
        return None
    host = match["host"].rsplit("@", 1)[-1]
    if not host or HOLE in host:
        return None
    return Endpoint(host.lower(), match["rest"] or "/")


def email_domains(text: str | None) -> list[str]:
    """Domains of the e-mail addresses written in a string template (a list joins with ',')."""
    if not text:
        return []
    found = re.findall(r"@([A-Za-z0-9\-.]+[A-Za-z])", text)
    return [d.lower() for d in found]


class Knowledge:
    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self.sources = CallMatcher((c, s) for s in pack.sources for c in s.calls)
        self.sinks = CallMatcher((c, s) for s in pack.sinks for c in s.calls)
        self.http_clients = CallMatcher((c, h) for h in pack.http_clients for c in h.calls)
        self.sanitizers = CallMatcher((c, z) for z in pack.sanitizers for c in z.calls)
        self.callbacks = CallMatcher((c, s) for s in pack.sources for c in s.callbacks)
        self.storage = CallMatcher((c, st) for st in pack.storage for c in st.calls)
        self._host_sources = [(s, pack.expand_hosts(s.hosts)) for s in pack.sources if s.hosts]
        self._endpoint_sinks = [
            (s, pack.expand_hosts(s.hosts)) for s in pack.sinks if s.hosts and not s.calls
        ]
        self._target_hosts = {s.id: pack.expand_hosts(s.hosts) for s in pack.sinks if s.target}
        self.trigger = _trigger(pack)

    def sources_for(self, path: str) -> list[Source]:
        return self.sources.match(path)  # type: ignore[return-value]

    def sinks_for(self, path: str) -> list[Sink]:
        return self.sinks.match(path)  # type: ignore[return-value]

    def http_client_for(self, path: str) -> HttpClient | None:
        found = self.http_clients.match(path)
        return found[0] if found else None  # type: ignore[return-value]

    def callback_source(self, paths: list[str]) -> Source | None:
        """The source whose data a function receives because of how it is registered."""
        for path in paths:
            found = self.callbacks.match(path)
            if found:
                return found[0]  # type: ignore[return-value]
        return None

    def storage_for(self, path: str) -> list[Storage]:
        return self.storage.match(path)  # type: ignore[return-value]

    def is_sanitizer(self, path: str) -> bool:
        return bool(self.sanitizers.match(path))

    def source_for_url(self, text: str | None) -> Source | None:
        endpoint = parse_endpoint(text)
        if endpoint is None:
            return None
        for source, hosts in self._host_sources:
            if any(host_matches(endpoint.host, h) for h in hosts):
                if source.path_prefix is None or endpoint.path.startswith(source.path_prefix):
                    return source
        return None

    def sink_for_url(self, text: str | None) -> Sink | None:
        endpoint = parse_endpoint(text)
        if endpoint is None:
            return None
        for sink, hosts in self._endpoint_sinks:
            if any(host_matches(endpoint.host, h) for h in hosts):
                return sink
        return None

    def target_matches(self, sink: Sink, text: str | None) -> bool:
        """Whether a sink's target argument (a URL or e-mail addresses) names one of its hosts."""
        hosts = self._target_hosts.get(sink.id, ())
        endpoint = parse_endpoint(text)
        candidates = email_domains(text) + ([endpoint.host] if endpoint else [])
        return any(host_matches(c, h) for c in candidates for h in hosts)


_WORD = re.compile(r"\w+")
_NAME = re.compile(r"[A-Za-z_]\w*")


class Trigger:
    """The pre-screen: can a file's text hold a source or a sink? (Necessary, not sufficient.)

    Code that reaches ``google.cloud.vision.X`` names both ``google`` and ``cloud`` somewhere
    (``import google.cloud.vision``, ``from google.cloud import vision``), so each call pattern
    asks for the words of its first two names; a host asks for the words of its labels and then
    for the host itself in the text (``x.com`` must not fire on every ``x``). A file passes when
    it meets one requirement. Testing word sets costs one scan of the text; a regular
    expression of a thousand alternatives costs ten.
    """

    def __init__(self, requirements: set[tuple[frozenset[str], str]]) -> None:
        self._by_word: dict[str, list[tuple[frozenset[str], str]]] = {}
        for words, spelled in requirements:
            if words:
                self._by_word.setdefault(min(words), []).append((words, spelled))

    def search(self, text: str) -> bool:
        words = set(_WORD.findall(text))
        lowered: str | None = None
        for word in words.intersection(self._by_word):
            for need, spelled in self._by_word[word]:
                if need <= words:
                    if not spelled:
                        return True
                    lowered = text.lower() if lowered is None else lowered
                    if spelled in lowered:
                        return True
        return False


def _trigger(pack: RulePack) -> Trigger:
    """Sources and unconditional sinks by their names, host-based ones by their hosts. A file
    with none of them can matter only through the project files it imports or that import it,
    which the project index adds separately."""
    requirements: set[tuple[frozenset[str], str]] = set()
    for entry in (*pack.sources, *pack.sinks):
        if not entry.hosts:
            for pattern in (*entry.calls, *getattr(entry, "callbacks", ())):
                requirements.add((frozenset(_NAME.findall(pattern.split("(")[0])[:2]), ""))
    for entry in (*pack.sources, *pack.sinks):
        for host in pack.expand_hosts(entry.hosts):
            spelled = host[1:] if host.startswith("*.") else host
            requirements.add((frozenset(_WORD.findall(host.lower())), spelled.lower()))
    return Trigger(requirements)
