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
        self.trigger = _trigger_regex(pack)

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


def _trigger_regex(pack: RulePack) -> re.Pattern[str]:
    """Words one of which any file holding a source or a sink must contain (the pre-screen).

    Module names of source and unconditional sink patterns, and the hosts of host-based ones.
    A file with none of them can matter only through the project files it imports or that
    import it, which the project index adds separately.
    """
    names: set[str] = set()
    for entry in (*pack.sources, *pack.sinks):
        if not entry.hosts:
            patterns = [*entry.calls, *getattr(entry, "callbacks", ())]
            names.update(call.split(".", 1)[0].split("(", 1)[0] for call in patterns)
    hosts = {
        h[2:] if h.startswith("*.") else h
        for entry in (*pack.sources, *pack.sinks)
        for h in pack.expand_hosts(entry.hosts)
    }
    words = sorted(re.escape(n) for n in names | hosts if n not in {"*", "**"})
    return re.compile(rf"\b(?:{'|'.join(words)})\b" if words else r"(?!)", re.I)
