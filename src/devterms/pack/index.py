"""The rule pack compiled for lookups: which call paths and hosts are sources, sinks or neither.

Built once per pack; every question the engine asks about a name or a URL is answered here, so
the engine itself never mentions a library, a platform or a host.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from devterms.pack.patterns import CallMatcher, canonical, host_matches, keyed_factories, unkeyed
from devterms.pack.types import (
    Derivation, HttpClient, Meeting, Output, Propagation, RulePack, Sanitizer, Sink, Source, Storage, Vocabulary,
)
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
        matcher = functools.partial(CallMatcher, aliases=pack.aliases)
        self.sources = matcher((c, s) for s in pack.sources for c in s.calls)
        self.sinks = matcher((c, s) for s in pack.sinks for c in s.calls)
        self.http_clients = matcher((c, h) for h in pack.http_clients for c in h.calls)
        self.sanitizers = matcher((c, z) for z in pack.sanitizers for c in z.calls)
        self.sanitizer_methods = {m: z for z in pack.sanitizers for m in z.methods}
        self.storage_methods = {m: st for st in pack.storage for m in st.methods}
        self.meetings = matcher((c, m) for m in pack.meetings for c in m.calls)
        self.meeting_methods: dict[str, list[Meeting]] = {}
        for meeting in pack.meetings:
            for method in meeting.methods:
                self.meeting_methods.setdefault(method, []).append(meeting)
        self.outputs = matcher((c, o) for o in pack.outputs for c in o.calls)
        self.derivations = matcher((c, d) for d in pack.derivations for c in d.calls)
        self.derivation_methods: dict[str, list[Derivation]] = {}
        for derivation in pack.derivations:
            for method in derivation.methods:
                self.derivation_methods.setdefault(method, []).append(derivation)
        self.derived_by_sanitizer = {z: d for d in pack.derivations for z in d.sanitizers}
        self.vocabulary = VocabularyMatcher(pack.vocabularies.values())
        self.callbacks = matcher((c, s) for s in pack.sources for c in s.callbacks)
        self.fills_receiver = frozenset(
            m for p in pack.propagation if p.kind == "fills-receiver" for m in p.methods)
        self.text_methods = {  # str.format, sep.join: what a method of known text gives back
            m: p.kind for p in pack.propagation if p.kind in ("fills-template", "joins-text") for m in p.methods}
        builders = ("builds-path", "takes-folder", "names-current-folder", "names-temp-file", "builds-statement")
        self.path_builders = matcher((c, p) for p in pack.propagation if p.kind in builders for c in p.calls)
        defaults = [p for p in pack.propagation if p.kind == "returns-default"]
        self.default_returners = matcher((c, p) for p in defaults for c in p.calls)
        self.default_methods = {m: p for p in defaults for m in p.methods}
        self.settings = matcher(
            (c, p) for p in pack.propagation if p.kind in ("declares-setting", "returns-settings", "keeps-options", "shares-settings") for c in p.calls)
        self.folder_attributes = frozenset(  # Path.parent: the last name of attribute patterns
            c.rsplit(".", 1)[1] for p in pack.propagation if p.kind == "takes-folder" for c in p.calls if "." in c)
        self.binders = matcher(
            (c, p) for p in pack.propagation if p.kind == "binds-arguments" for c in p.calls)
        self.storage = matcher((c, st) for st in pack.storage for c in st.calls)
        self._keyed_factories = keyed_factories(call for _, call in pack.call_patterns())
        self._host_sources = [(s, pack.expand_hosts(s.hosts)) for s in pack.sources if s.hosts]
        self._endpoint_sinks = [
            (s, pack.expand_hosts(s.hosts)) for s in pack.sinks if s.hosts and not s.calls
        ]
        self._target_hosts = {s.id: pack.expand_hosts(s.hosts) for s in pack.sinks if s.targets}
        self.source_trigger = _trigger(pack, [s for s in pack.sources if s.kind != "scraper"])
        self.scraper_trigger = _trigger(pack, [s for s in pack.sources if s.kind == "scraper"])
        self.sink_trigger = _trigger(pack, list(pack.sinks))

    def keys_factory(self, path: str) -> bool:
        """Whether a call to ``path`` is told apart by its string argument (see
        :func:`~devterms.pack.patterns.keyed_factories`)."""
        return canonical(unkeyed(path), self.pack.aliases) in self._keyed_factories

    def screen(self, text: str) -> frozenset[str]:
        """Which kinds of entry a text names: ``source``, ``scraper``, ``sink`` (the pre-screen).

        Vocabulary counts as a sink: a keyword list or a classifier's labels give the code a
        purpose. It is looked for only in texts that name a source (it costs a lower-casing).
        """
        words = set(_WORD.findall(text))  # one scan of the text serves the three triggers
        kinds = {kind for kind, trigger in (
            ("source", self.source_trigger), ("scraper", self.scraper_trigger),
            ("sink", self.sink_trigger)) if trigger.search(text, words)}
        if kinds and "sink" not in kinds and self.vocabulary.mentioned(text):
            kinds.add("sink")
        return frozenset(kinds)

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

    def path_builder(self, path: str) -> Propagation | None:
        found = self.path_builders.match(path)
        return found[0] if found else None  # type: ignore[return-value]

    def default_returner(self, path: str, method: str | None) -> Propagation | None:
        """The entry of a call that returns its default argument when a setting is missing."""
        return _by_path_or_method(self.default_returners, self.default_methods, path, method)

    def settings_for(self, path: str) -> list[Propagation]:
        """Entries of calls that declare a setting on their receiver, return the settings, or
        keep their options."""
        return self.settings.match(path)  # type: ignore[return-value]

    def binds_arguments(self, paths: Iterable[str]) -> bool:
        return any(self.binders.match(p) for p in paths)

    def storage_for(self, path: str) -> list[Storage]:
        return self.storage.match(path)  # type: ignore[return-value]

    def sanitizer_for(self, path: str, method: str | None) -> Sanitizer | None:
        """The sanitizer a call reaches by its path, or by its method's name on any object."""
        return _by_path_or_method(self.sanitizers, self.sanitizer_methods, path, method)

    def meetings_for(self, path: str) -> list[Meeting]:
        return self.meetings.match(path)  # type: ignore[return-value]

    def derivations_for(self, paths: Iterable[str], method: str | None,
                        sanitizer: Sanitizer | None) -> list[Derivation]:
        """What a call derives for the map: by path, by method name, or as a sanitizer."""
        found: list[Derivation] = [d for p in paths for d in self.derivations.match(p)]  # type: ignore[misc]
        found += self.derivation_methods.get(method or "", [])
        if sanitizer is not None and sanitizer.id in self.derived_by_sanitizer:
            found.append(self.derived_by_sanitizer[sanitizer.id])
        return list(dict.fromkeys(found))

    def outputs_for(self, path: str) -> list[Output]:
        return self.outputs.match(path)  # type: ignore[return-value]

    def platform_of_url(self, text: str | None) -> str | None:
        """The platform whose host a URL template names, if any."""
        source = self.source_for_url(text)
        return source.platform if source is not None else None

    def source_for_url(self, text: str | None) -> Source | None:
        endpoint = parse_endpoint(text)
        if endpoint is None:
            return None
        for source, hosts in self._host_sources:
            if any(host_matches(endpoint.host, h) for h in hosts):
                if source.path_prefix is not None and not endpoint.path.startswith(source.path_prefix):
                    continue
                if any(endpoint.path.startswith(p) for p in source.skip_paths):
                    return None
                return source
        return None

    def sink_for_url(self, text: str | None) -> Sink | None:
        endpoint = parse_endpoint(text)
        if endpoint is None or self._allowed(endpoint.host):
            return None
        for sink, hosts in self._endpoint_sinks:
            if any(host_matches(endpoint.host, h) for h in hosts):
                return sink
        return None

    def names_endpoint(self, text: str | None) -> bool:
        """Whether a string names a platform or sink host, or a sink's e-mail domain."""
        if not text:
            return False
        if self.source_for_url(text) or self.sink_for_url(text):
            return True
        return any(self.target_matches(s, text) for s in self.pack.sinks if s.targets)

    def names_client(self, path: str) -> bool:
        """Whether a call path is, or leads to, a source or sink (``tweepy.Client()``)."""
        words = set(_WORD.findall(path))
        return any(t.search(path, words) for t in (self.source_trigger, self.scraper_trigger, self.sink_trigger))

    def target_matches(self, sink: Sink, text: str | None) -> bool:
        """Whether a sink's target argument (a URL or e-mail addresses) names one of its hosts."""
        hosts = self._target_hosts.get(sink.id, ())
        endpoint = parse_endpoint(text)
        candidates = email_domains(text) + ([endpoint.host] if endpoint else [])
        return any(host_matches(c, h) for c in candidates if not self._allowed(c) for h in hosts)

    def _allowed(self, host: str) -> bool:
        """Whether the project declared ``host`` harmless (``allow-hosts``)."""
        return any(host_matches(host, allowed) for allowed in self.pack.allowed_hosts)


_WORD = re.compile(r"\w+")
_NAME = re.compile(r"[A-Za-z_]\w*")
_TERM_WORD = re.compile(r"[^\W_]+")  # the words of a vocabulary term: ``_`` and ``.`` separate them too


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
        self._by_word: dict[str, list[tuple[frozenset[str], re.Pattern[str] | None]]] = {}
        for words, host in requirements:
            if words:
                self._by_word.setdefault(min(words), []).append((words, _host_regex(host)))

    def search(self, text: str, words: set[str] | None = None) -> bool:
        """Whether ``text`` meets a requirement; ``words``: its words, when already found."""
        if words is None:
            words = set(_WORD.findall(text))
        return any(
            need <= words and (host is None or host.search(text) is not None)
            for word in words.intersection(self._by_word)
            for need, host in self._by_word[word]
        )


_E = TypeVar("_E")


def _by_path_or_method(calls: CallMatcher, methods: Mapping[str, _E], path: str, method: str | None) -> _E | None:
    """The first entry whose pattern ``path`` matches, else the one its method's name names."""
    found = calls.match(path)
    if found:
        return found[0]  # type: ignore[return-value]
    return methods.get(method) if method else None


def _host_regex(host: str) -> re.Pattern[str] | None:
    """``x.com`` standing alone as a host (not ``box.com``); ``*.gov`` ending one (``a.gov``)."""
    if not host:
        return None
    if host.startswith("*."):
        return re.compile(rf"(?<![\w\-]){re.escape(host[2:])}(?![\w\-])", re.I)
    return re.compile(rf"(?<![\w\-.]){re.escape(host)}(?![\w\-])", re.I)


def _trigger(pack: RulePack, entries: Sequence[Source | Sink]) -> Trigger:
    """Entries by the names of their calls and callbacks, or by their hosts."""
    requirements: set[tuple[frozenset[str], str]] = set()
    for entry in entries:
        patterns = [*entry.calls, *(entry.callbacks if isinstance(entry, Source) else ())]
        if entry.hosts and isinstance(entry, Sink) and entry.calls:
            patterns = []  # e-mail to a public-sector domain: the domain is what must appear
        for pattern in patterns:
            for written in (pattern, *_alias_forms(pattern, pack.aliases)):
                requirements.add((frozenset(_NAME.findall(written.split("(")[0])[:2]), ""))
        for host in pack.expand_hosts(entry.hosts):
            requirements.add((frozenset(_WORD.findall(host.lower())), host.lower()))
    return Trigger(requirements)


def _alias_forms(pattern: str, aliases: Mapping[str, str]) -> list[str]:
    """``pattern`` written through each alias of a name it starts with: code may import either."""
    return [name + pattern[len(means):] for name, means in aliases.items()
            if pattern.startswith(means) and pattern[len(means):len(means) + 1] in ("", ".", "(")]


@dataclass(frozen=True, slots=True)
class TermHit:
    vocabulary: Vocabulary
    term: str
    weak: bool


class VocabularyMatcher:
    """Finds vocabulary terms in string literals: whole words of any case and script, where
    ``_`` and ``.`` also separate words (``mental_health``, ``openface.nn4.small2.v1.t7``) and
    ``stem*`` matches a word beginning with ``stem``. Answers are memoised per text."""

    def __init__(self, vocabularies: Iterable[Vocabulary]) -> None:
        self._by_name: dict[str, tuple[Vocabulary, bool]] = {}
        alternatives = []
        for index, vocabulary in enumerate(vocabularies):
            for weak, terms in ((False, vocabulary.terms), (True, vocabulary.weak)):
                if not terms:
                    continue
                name = f"v{index}{'w' if weak else 's'}"
                self._by_name[name] = (vocabulary, weak)
                body = "|".join(_term_regex(t) for t in sorted(terms, key=len, reverse=True))
                alternatives.append(f"(?P<{name}>{body})")
        self._regex = re.compile(rf"(?<![^\W_])(?:{'|'.join(alternatives)})(?![^\W_])") if alternatives else None
        self._needs: dict[str, list[tuple[frozenset[str], str]]] = {}  # strong terms by their longest word
        for term in {t for v in vocabularies for t in v.terms}:
            words = _TERM_WORD.findall(term.rstrip("*"))
            stem = words.pop() if term.endswith("*") else ""  # ``occupy*``: a word beginning so
            key = max(words, key=len) if words else ""
            self._needs.setdefault(key, []).append((frozenset(words), stem))
        self._memo: dict[str, tuple[TermHit, ...]] = {}

    def hits(self, text: str) -> tuple[TermHit, ...]:
        found = self._memo.get(text)
        if found is None:
            found = self._find(text)
            if len(self._memo) > 50_000:
                self._memo.clear()
            self._memo[text] = found
        return found

    def mentioned(self, text: str) -> bool:
        """Whether a whole text (a file) may hold a strong term (the pre-screen's question): it
        has every word of one, so every text :meth:`hits` finds a term in is one. Any one word of
        any term would do as well only in name: *no* (of *no kings*) and *of* are in every file."""
        lowered = text.lower()
        words = set(_TERM_WORD.findall(lowered))
        for key in (*words.intersection(self._needs), ""):
            for need, stem in self._needs.get(key, ()):
                if need <= words and (not stem or any(w.startswith(stem) for w in words)):
                    return True
        return False

    def _find(self, text: str) -> tuple[TermHit, ...]:
        if self._regex is None or len(text) < 2:
            return ()
        seen: dict[tuple[str, str], TermHit] = {}
        for match in self._regex.finditer(text.lower()):
            name = match.lastgroup
            if name is not None:
                vocabulary, weak = self._by_name[name]
                seen.setdefault((vocabulary.id, match.group()), TermHit(vocabulary, match.group(), weak))
        return tuple(seen.values())


def _term_regex(term: str) -> str:
    if term.endswith("*"):
        return re.escape(term[:-1]) + r"[^\W_]*"
    return r"[\s_\-]+".join(re.escape(word) for word in term.split())
