"""Loading the rule pack: YAML files in one or more folders, validated into frozen values.

Every file of a pack is a mapping whose keys name sections (``platforms``, ``clauses``,
``sources``, ``sinks``, ...); each section is a list of entries, and the sections of all files are
merged. The schema is documented in ``rules/README.md``. Any mistake raises
:class:`RulePackError` naming the file, the entry and the key, because a rule pack that loads
half-way would silently stop finding things.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.resources
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from devterms import __version__
from devterms.patterns import CallMatcher, PatternError, validate_host_pattern
from devterms.schema import Entry, RulePackError, load_yaml_file

SEVERITIES = ("error", "warning", "note")
CONFIDENCES = ("high", "medium", "low")
SOURCE_KINDS = ("api", "scraper")
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

    @property
    def family(self) -> str:
        return self.code[:3] + "xx"


@dataclass(frozen=True)
class RulePack:
    platforms: dict[str, Platform]
    clauses: dict[str, Clause]
    sources: tuple[Source, ...]
    sinks: tuple[Sink, ...]
    http_clients: tuple[HttpClient, ...]
    sanitizers: tuple[Sanitizer, ...]
    storage: tuple[Storage, ...]
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


def default_pack_dir() -> Path:
    """The pack shipped in the wheel, or ``rules/`` of a source checkout (editable installs)."""
    shipped = importlib.resources.files("devterms") / "rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "rules"


@functools.cache
def load_default_pack() -> RulePack:
    return load_pack([default_pack_dir()])


def load_pack(
    folders: Sequence[Path], extra: Mapping[str, Sequence[Entry]] | None = None
) -> RulePack:
    """Read, merge and validate every ``*.yaml`` under ``folders`` (later folders add entries).

    ``extra`` adds entries that come from elsewhere, such as a project's configuration.
    """
    files = [f for folder in folders for f in _yaml_files(folder)]
    digest = hashlib.sha256(__version__.encode())
    sections: dict[str, list[Entry]] = {}
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        for section, entries in load_yaml_file(path, raw).items():
            sections.setdefault(section, []).extend(entries)
    for section, entries in (extra or {}).items():
        digest.update(repr([(e.file, dict(e.raw)) for e in entries]).encode())
        sections.setdefault(section, []).extend(entries)
    return _build(sections, digest.hexdigest()[:16])


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RulePackError(str(folder), None, None, "is not a folder holding a rule pack")
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def _arg(entry: Entry, key: str, value: object) -> Arg:
    if isinstance(value, int) and not isinstance(value, bool):
        return Arg(value, None)
    if isinstance(value, str):
        return Arg(None, None) if value == RECEIVER else Arg(None, value)
    if isinstance(value, dict) and set(value) <= {"pos", "kw"} and value:
        pos, kw = value.get("pos"), value.get("kw")
        if (pos is None or (isinstance(pos, int) and pos >= 0)) and (kw is None or isinstance(kw, str)):
            return Arg(pos, kw)
    raise entry.error(key, "must be a position, a keyword, receiver, or {pos: N, kw: name}")


def _args(entry: Entry, key: str) -> tuple[Arg, ...]:
    value = entry.raw.get(key)
    entry.used.add(key)
    if value is None:
        return ()
    values = value if isinstance(value, list) else [value]
    return tuple(_arg(entry, key, v) for v in values)


def _calls(entry: Entry) -> tuple[str, ...]:
    return _patterns(entry, "calls")


def _patterns(entry: Entry, key: str) -> tuple[str, ...]:
    calls = entry.str_list(key)
    for call in calls:
        try:
            CallMatcher([(call, None)])
        except PatternError as exc:
            raise entry.error(key, str(exc)) from None
    return calls


def _hosts(entry: Entry, groups: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    hosts = entry.str_list("hosts")
    for host in hosts:
        if host.startswith("@"):
            if host[1:] not in groups:
                raise entry.error("hosts", f"names unknown host group {host[1:]!r}")
            continue
        try:
            validate_host_pattern(host)
        except PatternError as exc:
            raise entry.error("hosts", str(exc)) from None
    return hosts


def _build(sections: dict[str, list[Entry]], version: str) -> RulePack:
    known = {"platforms", "clauses", "sources", "sinks", "http_clients", "sanitizers", "storage",
             "rules", "host_groups"}
    for section, entries in sections.items():
        if section not in known:
            raise RulePackError(entries[0].file if entries else "?", section, None,
                                f"is not a section; expected one of {', '.join(sorted(known))}")
    groups: dict[str, tuple[str, ...]] = {}
    for e in sections.get("host_groups", []):
        gid = e.identifier("id")
        groups[gid] = groups.get(gid, ()) + e.str_list("hosts", required=True)
        e.finish()
        for host in groups[gid]:
            try:
                validate_host_pattern(host)
            except PatternError as exc:
                raise e.error("hosts", str(exc)) from None

    platforms: dict[str, Platform] = {}
    for e in sections.get("platforms", []):
        docs = tuple(_document(e, d) for d in e.list("documents", required=True))
        p = Platform(e.identifier("id"), e.str("name"), docs, e.str_list("no_clause"))
        e.finish()
        _unique(e, "id", p.id, platforms)
        platforms[p.id] = p

    clauses: dict[str, Clause] = {}
    for e in sections.get("clauses", []):
        c = Clause(
            e.identifier("id"), e.ref("platform", platforms), e.str("document"), e.str("section"),
            e.str("url"), e.str("summary"), e.str("category"), e.choice("confidence", CONFIDENCES),
            e.str("legal_process_exception", required=False),
        )
        if c.document not in {d.id for d in platforms[c.platform].documents}:
            raise e.error("document", f"{c.document!r} is not a document of platform {c.platform!r}")
        e.finish()
        _unique(e, "id", c.id, clauses)
        clauses[c.id] = c

    sources = []
    for e in sections.get("sources", []):
        s = Source(
            e.identifier("id"), e.ref("platform", platforms), e.str("package", required=False) or "",
            e.str("checked"), e.str("description"), e.choice("kind", SOURCE_KINDS, default="api"),
            _calls(e), _hosts(e, groups), e.str("path_prefix", required=False),
            _patterns(e, "callbacks"),
        )
        if not s.calls and not s.hosts and not s.callbacks:
            raise e.error("calls", "a source needs calls, hosts or callbacks")
        e.finish()
        sources.append(s)

    sinks = []
    for e in sections.get("sinks", []):
        target = _args(e, "target")
        s = Sink(
            e.identifier("id"), e.str("category"), e.str("package", required=False) or "",
            e.str("checked"), e.str("description"), _calls(e), _args(e, "args"),
            _hosts(e, groups), target[0] if target else None, _condition(e),
            e.bool("on_result", default=False),
        )
        if not s.calls and not s.hosts:
            raise e.error("calls", "a sink needs calls or hosts")
        if s.target and not s.hosts:
            raise e.error("target", "a target argument needs hosts to match it against")
        e.finish()
        sinks.append(s)

    http_clients = []
    for e in sections.get("http_clients", []):
        url = _args(e, "url")
        if len(url) != 1:
            raise e.error("url", "must name exactly one argument")
        e.str("checked", required=False)  # where the argument positions were verified
        h = HttpClient(e.identifier("id"), e.str("package"), _calls(e), url[0],
                       _args(e, "payload"), e.bool("navigates", default=False))
        e.finish()
        http_clients.append(h)

    sanitizers = []
    for e in sections.get("sanitizers", []):
        z = Sanitizer(e.identifier("id"), e.str("description"), _calls(e))
        e.finish()
        sanitizers.append(z)

    storage = []
    for e in sections.get("storage", []):
        path = _args(e, "path")
        if len(path) != 1:
            raise e.error("path", "must name exactly one argument (or receiver)")
        st = Storage(e.identifier("id"), e.choice("kind", STORAGE_KINDS), e.str("description"),
                     _calls(e), path[0], _args(e, "data"))
        if st.kind == "writer" and not st.data:
            raise e.error("data", "a writer needs the argument that holds the data")
        e.finish()
        storage.append(st)

    rules: dict[str, Rule] = {}
    for e in sections.get("rules", []):
        r = Rule(
            e.code("code"), e.identifier("name"), e.str("title"), e.str("message"),
            e.str("description"), e.choice("severity", SEVERITIES), e.str("sink_category"),
            e.bool("enabled", default=True), e.str_list("clauses", required=True),
        )
        for cid in r.clauses:
            if cid not in clauses:
                raise e.error("clauses", f"names unknown clause {cid!r}")
        e.finish()
        _unique(e, "code", r.code, rules)
        rules[r.code] = r

    categories = {r.sink_category for r in rules.values()}
    for s in sinks:
        if s.category not in categories:
            raise RulePackError(s.id, "sinks", "category", f"{s.category!r} has no rule")
    return RulePack(platforms, clauses, tuple(sources), tuple(sinks), tuple(http_clients),
                    tuple(sanitizers), tuple(storage), rules, groups, version)


def _condition(entry: Entry) -> Condition | None:
    raw = entry.raw.get("when")
    entry.used.add("when")
    if raw is None:
        return None
    if not isinstance(raw, dict) or not set(raw) <= {"arg", "mentions", "if_missing"} or "arg" not in raw:
        raise entry.error("when", "must be {arg: ..., mentions: [words], if_missing: bool}")
    words = raw.get("mentions") or []
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
        raise entry.error("when", "mentions must be a non-empty list of words")
    if not isinstance(raw.get("if_missing", False), bool):
        raise entry.error("when", "if_missing must be true or false")
    return Condition(_arg(entry, "when", raw["arg"]), tuple(w.lower() for w in words),
                     raw.get("if_missing", False))


def _document(entry: Entry, raw: object) -> Document:
    if not isinstance(raw, dict) or set(raw) != {"id", "title", "url"}:
        raise entry.error("documents", "each document needs exactly id, title and url")
    return Document(str(raw["id"]), str(raw["title"]), str(raw["url"]))


def _unique(entry: Entry, key: str, value: str, seen: dict[str, object]) -> None:
    if value in seen:
        raise entry.error(key, f"{value!r} is defined twice")

