"""The values a rule pack is made of: platforms, clauses, sources, sinks, storage and rules.

Plain frozen dataclasses, built by :mod:`devterms.rulepack` from the YAML and read by everyone
else; the schema they follow is documented in ``rules/README.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "note")
CONFIDENCES = ("high", "medium", "low")
SOURCE_KINDS = ("api", "scraper")
PROPAGATION_KINDS = ("fills-receiver", "builds-path", "binds-arguments")
STORAGE_KINDS = ("opener", "writer", "downloader", "lister", "sql")
RECEIVER = "receiver"


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument of a call, by position (0-based, ``self`` excluded) and/or keyword."""

    pos: int | None
    kw: str | None

    @property
    def is_receiver(self) -> bool:
        """``receiver`` in the pack: the object the method is called on (``f`` in ``f.write``)."""
        return self.pos is None and self.kw is None


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    name: str
    documents: tuple[Document, ...]
    no_clause: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Clause:
    id: str
    platform: str
    document: str
    section: str
    url: str
    summary: str
    category: str
    confidence: str
    legal_process_exception: str | None


@dataclass(frozen=True, slots=True)
class Source:
    """Calls whose results, or hosts whose responses, carry one platform's data."""

    id: str
    platform: str
    package: str
    checked: str
    description: str
    kind: str
    calls: tuple[str, ...]
    hosts: tuple[str, ...]
    path_prefix: str | None
    callbacks: tuple[str, ...]  # Base.method overridden, or decorators: params receive data


@dataclass(frozen=True, slots=True)
class Sink:
    """Calls (or HTTP endpoints, by host) where platform data must not arrive.

    ``args`` lists the sensitive arguments (empty: any argument). With ``target``, the call is a
    sink only when that argument names a host (URL or e-mail address) matching ``hosts``;
    without ``calls``, ``hosts`` applies to every HTTP client call's URL. With ``when``, only
    when an argument's constant text mentions one of some words. With ``on_result``, the data
    is the call's own result: a platform query that is itself the violation (monitoring
    protests), reported whatever its arguments carry.
    """

    id: str
    category: str
    package: str
    checked: str
    description: str
    calls: tuple[str, ...]
    args: tuple[Arg, ...]
    hosts: tuple[str, ...]
    target: Arg | None
    when: Condition | None
    on_result: bool


@dataclass(frozen=True, slots=True)
class Condition:
    """An argument whose constant text mentions any of ``words`` (or is absent, if allowed)."""

    arg: Arg
    words: tuple[str, ...]
    if_missing: bool


@dataclass(frozen=True, slots=True)
class HttpClient:
    id: str
    package: str
    calls: tuple[str, ...]
    url: Arg
    payload: tuple[Arg, ...]
    navigates: bool  # a browser: what the page holds is read from the receiver afterwards


@dataclass(frozen=True, slots=True)
class Sanitizer:
    """Calls whose result no longer identifies anyone (counts, lengths, booleans)."""

    id: str
    description: str
    calls: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Storage:
    """Calls that move data to or from files and tables, so flows can pass through disk.

    ``opener``: the result is a handle on ``path`` (reading it yields what the file holds);
    ``writer``: ``data`` is written to ``path``; ``downloader``: the call's own result (a
    download) is written to ``path``, and a returned path names it; ``lister``: the result names
    files inside folder ``path``; ``sql``: a statement (``path``) that writes ``data`` into, or
    reads from, the table it names.
    """

    id: str
    kind: str
    description: str
    calls: tuple[str, ...]
    path: Arg
    data: tuple[Arg, ...]


@dataclass(frozen=True, slots=True)
class Propagation:
    """How data and text move through calls that are neither sources nor sinks.

    ``fills-receiver``: methods (by name, on any object) that put their arguments into the
    object they are called on (``append``, ``set_content``); ``builds-path``: calls that return
    their arguments' text joined by ``separator`` (after the receiver's text, with ``receiver``);
    ``binds-arguments``: calls returning their first argument with the others bound to it
    (``functools.partial``).
    """

    id: str
    kind: str
    description: str
    calls: tuple[str, ...]
    methods: tuple[str, ...]
    separator: str
    receiver: bool


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    title: str
    message: str
    description: str
    severity: str
    sink_category: str
    enabled: bool
    clauses: tuple[str, ...]



@dataclass(frozen=True)
class RulePack:
    platforms: dict[str, Platform]
    clauses: dict[str, Clause]
    sources: tuple[Source, ...]
    sinks: tuple[Sink, ...]
    http_clients: tuple[HttpClient, ...]
    sanitizers: tuple[Sanitizer, ...]
    storage: tuple[Storage, ...]
    propagation: tuple[Propagation, ...]
    rules: dict[str, Rule]
    host_groups: dict[str, tuple[str, ...]]
    version: str

    def rule_for_category(self, category: str) -> Rule | None:
        return self._rules_by_category.get(category)

    @functools.cached_property
    def _rules_by_category(self) -> dict[str, Rule]:
        return {rule.sink_category: rule for rule in self.rules.values()}

    def expand_hosts(self, hosts: Iterable[str]) -> tuple[str, ...]:
        expanded: list[str] = []
        for host in hosts:
            expanded.extend(self.host_groups[host[1:]] if host.startswith("@") else (host,))
        return tuple(expanded)

    def clauses_for(self, rule: Rule, platform: str) -> tuple[Clause, ...]:
        return tuple(
            self.clauses[cid] for cid in rule.clauses if self.clauses[cid].platform == platform
        )
