"""Loading the rule pack: YAML files in one or more folders, validated into frozen values.

Every file of a pack is a mapping whose keys name sections (``platforms``, ``clauses``,
``sources``, ``sinks``, ...); each section is a list of entries, and the sections of all files are
merged. The schema is documented in ``rules/README.md``. Any mistake raises
:class:`RulePackError` naming the file, the entry and the key, because a rule pack that loads
half-way would silently stop finding things.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
import hashlib
import importlib.resources
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

from devterms import __version__
from devterms.pack.types import (
    CONFIDENCES, MEETING_KINDS, OUTPUT_KINDS, METHOD_KINDS, PROPAGATION_KINDS, RECEIVER, SEVERITIES, SOURCE_KINDS,
    STORAGE_KINDS, STORES, TABLE_NAMES, VOCABULARY_REPORTS, Arg, Clause, ClauseGap, Condition, Derivation, Document, HttpClient,
    Meeting, Output,
    Platform, Propagation, Rule, RulePack, Sanitizer, Sink, Source, Storage, Vocabulary,
)
from devterms.pack.patterns import CallMatcher, PatternError, validate_host_pattern
from devterms.pack.schema import Entry, RulePackError, load_yaml_file

SECTIONS = frozenset({"aliases", "platforms", "legal_process", "clauses", "clause_gaps", "sources", "sinks", "http_clients", "sanitizers",
                      "storage", "propagation", "rules", "host_groups", "vocabularies", "meetings",
                      "outputs", "derivations", "tool_rules"})
_T = TypeVar("_T")
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z")


def default_pack_dir() -> Path:
    """The pack shipped in the wheel, or ``rules/`` of a source checkout (editable installs)."""
    shipped = importlib.resources.files("devterms") / "rules"
    if shipped.is_dir():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[3] / "rules"


@functools.cache
def default_switches() -> dict[str, bool]:
    """Code -> enabled by default, for the default pack's rules, read from ``rules.yaml`` alone.

    flake8 loads its plugins on every run, DT selected or not; this answers what the adapter
    must tell flake8 up front without building the whole pack (which takes about a second).
    """
    path = default_pack_dir() / "rules.yaml"
    entries = load_yaml_file(path, path.read_bytes()).get("rules", [])
    return {str(e.raw.get("code")): e.raw.get("enabled", True) is not False for e in entries}


def off_by_default() -> list[str]:
    return sorted(code for code, enabled in default_switches().items() if not enabled)


@functools.cache
def load_default_pack() -> RulePack:
    return load_pack([default_pack_dir()])


def load_pack(
    folders: Sequence[Path], extra: Mapping[str, Sequence[Entry]] | None = None
) -> RulePack:
    """Read, merge and validate every ``*.yaml`` under ``folders`` (later folders add entries).

    ``extra`` adds entries that come from elsewhere, such as a project's configuration.
    """
    return build(*read_sections(folders, extra))


def read_sections(folders: Sequence[Path], extra: Mapping[str, Sequence[Entry]] | None = None
                  ) -> tuple[dict[str, list[Entry]], str]:
    """The entries of every section of ``folders`` (and ``extra``), and the pack's version."""
    files = [f for folder in folders for f in _yaml_files(folder)]
    digest = hashlib.sha256(__version__.encode())
    sections: dict[str, list[Entry]] = {}
    for path in files:
        raw = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw)
        for section, entries in load_yaml_file(path, raw).items():
            sections.setdefault(section, []).extend(entries)
    for section, added in (extra or {}).items():
        digest.update(repr([(e.file, dict(e.raw)) for e in added]).encode())
        sections.setdefault(section, []).extend(added)
    return sections, digest.hexdigest()[:16]


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        raise RulePackError(str(folder), None, None, "is not a folder holding a rule pack")
    return sorted(p for p in folder.rglob("*.yaml") if p.is_file())


def _arg(entry: Entry, key: str, value: object) -> Arg:
    if isinstance(value, int) and not isinstance(value, bool):
        return Arg(value, None)
    if isinstance(value, str):
        return Arg(None, None) if value == RECEIVER else Arg(None, value)
    if isinstance(value, dict) and set(value) <= {"pos", "kw", "key"} and value:  # {key: k}: the receiver's element
        pos, kw, part = value.get("pos"), value.get("kw"), value.get("key")
        if (pos is None or (isinstance(pos, int) and pos >= 0)) and (kw is None or isinstance(kw, str)) \
                and (part is None or isinstance(part, str)):
            return Arg(pos, kw, part)
    raise entry.error(key, "must be a position, a keyword, receiver, or {pos: N, kw: name, key: element}")


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


def build(sections: dict[str, list[Entry]], version: str) -> RulePack:
    """Validate the entries of every section into one :class:`RulePack` (each entry's keys read once)."""
    for section, entries in sections.items():
        if section not in SECTIONS:
            raise RulePackError(entries[0].file if entries else "?", section, None,
                                f"is not a section; expected one of {', '.join(sorted(SECTIONS))}")
    groups = _host_groups(sections.get("host_groups", []))
    platforms = _keyed(_platform(e) for e in sections.get("platforms", []))
    legal = _keyed(_legal_process(e) for e in sections.get("legal_process", []))
    uncited = _keyed(_rule(e) for e in sections.get("rules", []))
    clauses = _keyed(_clause(e, platforms, legal, uncited) for e in sections.get("clauses", []))
    rules = _cited(uncited, clauses, list(platforms), sections.get("rules", []))
    tool_rules = _keyed(_tool_rule(e, rules) for e in sections.get("tool_rules", []))
    gaps = _clause_gaps(sections.get("clause_gaps", []), platforms, clauses, rules)
    categories = {r.sink_category for r in rules.values()}
    vocabularies = _vocabularies(sections.get("vocabularies", []), categories)
    sinks = tuple(_sink(e, groups, vocabularies) for e in sections.get("sinks", []))
    for sink in sinks:
        if sink.category not in categories:
            raise RulePackError(sink.id, "sinks", "category", f"{sink.category!r} has no rule")
    return RulePack(
        platforms, clauses, tuple(_source(e, platforms, groups) for e in sections.get("sources", [])),
        sinks, tuple(_http_client(e) for e in sections.get("http_clients", [])),
        tuple(_sanitizer(e) for e in sections.get("sanitizers", [])),
        tuple(_storage(e) for e in sections.get("storage", [])),
        tuple(_propagation(e) for e in sections.get("propagation", [])), rules, groups, version,
        vocabularies, tuple(_meeting(e) for e in sections.get("meetings", [])),
        tuple(_output(e) for e in sections.get("outputs", [])),
        _derivations(sections.get("derivations", []), categories,
                     {e.raw.get("id") for e in sections.get("sanitizers", [])}),
        clause_gaps=gaps, aliases=_aliases(sections.get("aliases", [])), tool_rules=tool_rules)


def _keyed(built: Iterable[tuple[Entry, str, _T]]) -> dict[str, _T]:
    """Entries by their id (or code); a second entry with the same one is an error."""
    found: dict[str, _T] = {}
    for entry, key, value in built:
        if key in found:
            raise entry.error("code" if key.startswith("DT") else "id", f"{key!r} is defined twice")
        found[key] = value
    return found


def _aliases(entries: list[Entry]) -> dict[str, str]:
    """Re-exports: ``name`` is the object ``means`` names (``tweepy.client.Client`` is
    ``tweepy.Client``), so each call is written once, under ``means``, and matched either way."""
    aliases: dict[str, str] = {}
    for e in entries:
        name, means = e.text("name"), e.text("means")
        e.text("checked")
        e.finish()
        for key, value in (("name", name), ("means", means)):
            if not _DOTTED.match(value):
                raise e.error(key, "must be a dotted name such as tweepy.client.Client (no calls, no wildcards)")
        if name == means:
            raise e.error("means", "is the alias itself")
        if name in aliases:
            raise e.error("name", f"{name!r} is an alias already")
        aliases[name] = means
    for e in entries:
        means = str(e.raw["means"])
        if means in aliases:
            raise e.error("means", f"is itself an alias of {aliases[means]!r}: name that instead")
    return aliases


def _host_groups(entries: list[Entry]) -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for e in entries:
        gid = e.identifier("id")
        hosts = e.str_list("hosts", required=True)
        e.finish()
        for host in hosts:
            try:
                validate_host_pattern(host)
            except PatternError as exc:
                raise e.error("hosts", str(exc)) from None
        groups[gid] = groups.get(gid, ()) + hosts
    return groups


def _platform(e: Entry) -> tuple[Entry, str, Platform]:
    docs = tuple(_document(e, d) for d in e.items("documents", required=True))
    p = Platform(e.identifier("id"), e.text("name"), docs, e.str_list("no_clause"))
    e.finish()
    return e, p.id, p


def _legal_process(e: Entry) -> tuple[Entry, str, str]:
    """How a platform's terms treat lawful legal process: one text, which clauses cite by id."""
    key, text = e.identifier("id"), e.text("text")
    e.finish()
    return e, key, text


def _clause(e: Entry, platforms: dict[str, Platform], legal: dict[str, str],
            rules: dict[str, Rule]) -> tuple[Entry, str, Clause]:
    exception = e.optional_text("legal_process")
    if exception is not None and exception not in legal:
        raise e.error("legal_process", f"names unknown legal_process entry {exception!r}")
    c = Clause(
        e.identifier("id"), e.ref("platform", platforms), e.text("document"), e.text("section"),
        e.text("url"), e.text("summary"), e.text("category"), e.choice("confidence", CONFIDENCES),
        legal[exception] if exception is not None else None, e.str_list("rules", required=True, empty=True),
    )
    for code in c.rules:
        if code not in rules:
            raise e.error("rules", f"names unknown rule {code!r}")
    if len(set(c.rules)) != len(c.rules):
        raise e.error("rules", "names a rule twice")
    if c.document not in {d.id for d in platforms[c.platform].documents}:
        raise e.error("document", f"{c.document!r} is not a document of platform {c.platform!r}")
    e.finish()
    return e, c.id, c


MAX_STATEMENT = 300  # characters: a statement is shown on one line of a finding


def _clause_gaps(entries: list[Entry], platforms: dict[str, Platform], clauses: dict[str, Clause],
                 rules: dict[str, Rule]) -> dict[str, ClauseGap]:
    """Statements that a platform's terms have no clause for some rules. A rule that cites a clause
    of the platform contradicts such a statement, and one (rule, platform) has one statement."""
    built = [_clause_gap(e, platforms, rules) for e in entries]
    gaps = _keyed(built)
    stated: dict[tuple[str, str], str] = {}
    for e, _, gap in built:
        for code in gap.rules:
            cited = [c for c in rules[code].clauses if clauses[c].platform == gap.platform]
            if cited:
                raise e.error("rules", f"{code} cites {cited[0]!r}, a clause of {gap.platform!r}: "
                                       "a rule with a clause of the platform has no gap")
            other = stated.setdefault((code, gap.platform), gap.id)
            if other != gap.id:
                raise e.error("rules", f"{code} already has a clause gap for {gap.platform!r} ({other!r})")
    return gaps


def _clause_gap(e: Entry, platforms: dict[str, Platform], rules: dict[str, Rule]) -> tuple[Entry, str, ClauseGap]:
    gid, platform = e.identifier("id"), e.ref("platform", platforms)
    codes = e.str_list("rules", required=True)
    for code in codes:
        if code not in rules:
            raise e.error("rules", f"names unknown rule {code!r}")
    if len(set(codes)) != len(codes):
        raise e.error("rules", "names a rule twice")
    documents = e.str_list("documents", required=True)
    known = {d.id for d in platforms[platform].documents}
    for doc in documents:
        if doc not in known:
            raise e.error("documents", f"{doc!r} is not a document of platform {platform!r}")
    copies = e.str_list("copies")
    for url in copies:
        if not url.startswith(("https://", "http://")):
            raise e.error("copies", f"{url!r} must be an http(s) URL")
    statement = " ".join(e.text("statement").split())
    if len(statement) > MAX_STATEMENT:
        raise e.error("statement", f"must be one line of at most {MAX_STATEMENT} characters")
    g = ClauseGap(gid, platform, codes, documents, _date(e, "checked"), statement, copies)
    e.finish()
    return e, g.id, g


def _date(e: Entry, key: str) -> str:
    """A required date, ``YYYY-MM-DD`` (YAML reads it as a date unquoted, as text quoted)."""
    value = e.raw.get(key)
    e.used.add(key)
    if value is None:
        raise e.error(key, "is required")
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise e.error(key, f"{value!r} must be a date, YYYY-MM-DD")


def _source(e: Entry, platforms: dict[str, Platform], groups: dict[str, tuple[str, ...]]) -> Source:
    s = Source(
        e.identifier("id"), e.ref("platform", platforms), e.optional_text("package") or "",
        e.text("checked"), e.text("description"), e.choice("kind", SOURCE_KINDS, default="api"),
        _calls(e), _hosts(e, groups), e.optional_text("path_prefix"),
        _patterns(e, "callbacks"), _account(e), e.str_list("skip_paths"),
    )
    if not s.calls and not s.hosts and not s.callbacks:
        raise e.error("calls", "a source needs calls, hosts or callbacks")
    e.finish()
    return s


def _sink(e: Entry, groups: dict[str, tuple[str, ...]], vocabularies: dict[str, Vocabulary]) -> Sink:
    s = Sink(
        e.identifier("id"), e.text("category"), e.optional_text("package") or "",
        e.text("checked"), e.text("description"), _calls(e), _args(e, "args"),
        _hosts(e, groups), _args(e, "target"), _condition(e, vocabularies),
        e.flag("on_result", default=False), e.flag("account_only", default=False),
        e.flag("passes_on", default=False),
    )
    if not s.calls and not s.hosts:
        raise e.error("calls", "a sink needs calls or hosts")
    if s.targets and not s.hosts:
        raise e.error("target", "a target argument needs hosts to match it against")
    e.finish()
    return s


def _http_client(e: Entry) -> HttpClient:
    url = _args(e, "url")
    if len(url) != 1:
        raise e.error("url", "must name exactly one argument")
    e.optional_text("checked")  # where the argument positions were verified
    h = HttpClient(e.identifier("id"), e.text("package"), _calls(e), url[0],
                   _args(e, "payload"), e.flag("navigates", default=False))
    e.finish()
    return h


def _sanitizer(e: Entry) -> Sanitizer:
    z = Sanitizer(e.identifier("id"), e.text("description"), _calls(e), e.str_list("methods"),
                  e.flag("truth", default=False))
    if not z.calls and not z.methods:
        raise e.error("calls", "a sanitizer needs calls or methods")
    e.finish()
    return z


def _storage(e: Entry) -> Storage:
    path = _args(e, "path")
    if not path:
        raise e.error("path", "must name the argument (or receiver, or a list tried in order) that names the file")
    kind = e.choice("kind", STORAGE_KINDS)
    st = Storage(e.identifier("id"), kind, e.text("description"), _calls(e), path, _args(e, "data"),
                 e.str_list("methods"), e.choice("store", STORES, "tables" if kind == "sql" else "files"),
                 e.choice("table", TABLE_NAMES, "text"))
    if st.methods and st.store != "tables":
        raise e.error("methods", "only table entries match by method name (a statement or table name says what they do)")
    if st.kind == "sql" and st.store != "tables":
        raise e.error("store", "an sql entry writes and reads tables")
    if st.store == "tables" and st.kind not in ("sql", "writer", "reader"):
        raise e.error("kind", "a table is written by sql or a writer, and read by sql or a reader")
    if st.table == "model" and (st.store != "tables" or st.kind not in ("writer", "reader")):
        raise e.error("table", "a model names the table of a table writer or reader (store: tables)")
    if st.kind == "writer" and not st.data and st.table != "model":
        raise e.error("data", "a writer needs the argument that holds the data")
    e.finish()
    return st


def _propagation(e: Entry) -> Propagation:
    kind = e.choice("kind", PROPAGATION_KINDS)
    separator = e.raw.get("separator", "")
    e.used.add("separator")
    if not isinstance(separator, str):
        raise e.error("separator", "must be a string (may be empty)")
    default, name, options, folder = (_args(e, key) for key in ("default", "name", "options", "folder"))
    takes_default = kind in ("returns-default", "declares-setting")
    if takes_default != bool(default) or len(default) > 1:
        raise e.error("default", f"a {kind} entry names {'exactly one' if takes_default else 'no'} default argument")
    if name and (kind not in ("declares-setting", "builds-statement") or len(name) > 1):
        raise e.error("name", "only declares-setting and builds-statement entries name the argument holding a name, once")
    statement = e.raw.get("statement", "")
    e.used.add("statement")
    if not isinstance(statement, str) or (statement and kind != "builds-statement"):
        raise e.error("statement", "a builds-statement entry's SQL text before the table name (a string, may be empty)")
    if kind == "builds-statement" and not name and not e.raw.get("receiver"):
        raise e.error("name", "a builds-statement entry names the argument naming the table, or receiver: true")
    if options and (kind != "keeps-options" or len(options) > 1):
        raise e.error("options", "only a keeps-options entry names the argument holding the options, once")
    if (kind == "names-temp-file") != (len(folder) == 1):
        raise e.error("folder", "a names-temp-file entry names the argument holding the folder, once; others none")
    p = Propagation(e.identifier("id"), kind, e.text("description"), _calls(e),
                    e.str_list("methods"), separator, e.flag("receiver", default=False),
                    default[0] if default else None, name[0] if name else None,
                    options[0] if options else None, folder[0] if folder else None, statement)
    if kind == "returns-default":
        if not p.calls and not p.methods:
            raise e.error("calls", "a returns-default entry names calls or methods")
    elif (kind in METHOD_KINDS) != bool(p.methods) or (kind not in METHOD_KINDS) != bool(p.calls):
        raise e.error("methods" if kind in METHOD_KINDS else "calls",
                      f"a {kind} entry names {'methods' if kind in METHOD_KINDS else 'calls'}, only")
    e.finish()
    return p


def _rule(e: Entry) -> tuple[Entry, str, Rule]:
    """A rule without its clauses yet: clauses name the rules they support (see :func:`_cited`)."""
    r = Rule(
        e.code("code"), e.identifier("name"), e.text("title"), e.text("message"),
        e.text("description"), e.choice("severity", SEVERITIES), e.text("sink_category"),
        e.flag("enabled", default=True), (), e.str_list("collects"), e.optional_text("clause_category") or "",
    )
    for kind in r.collects:
        if kind not in SOURCE_KINDS:
            raise e.error("collects", f"{kind!r} is not a source kind ({', '.join(SOURCE_KINDS)})")
    e.finish()
    return e, r.code, r


def _cited(rules: dict[str, Rule], clauses: dict[str, Clause], platforms: list[str],
           entries: list[Entry]) -> dict[str, Rule]:
    """Each rule with the clauses that name it, so that a platform's clauses and the rules they
    support live in the platform's own file: by platform in the order ``platforms`` lists them,
    then in the order of the clause files."""
    ordered = sorted(clauses.values(), key=lambda c: platforms.index(c.platform))
    cited = {code: dataclasses.replace(rule, clauses=tuple(c.id for c in ordered if code in c.rules))
             for code, rule in rules.items()}
    for e in entries:
        rule = cited.get(str(e.raw.get("code")))
        if rule is not None and rule.clause_category \
                and not any(clauses[c].category == rule.clause_category for c in rule.clauses):
            raise e.error("clause_category", f"{rule.clause_category!r} is the category of none of its clauses")
    return cited


def _tool_rule(e: Entry, rules: dict[str, Rule]) -> tuple[Entry, str, Rule]:
    """A rule about devterms itself: reported by the front ends, with no sink and no clause."""
    r = Rule(e.code("code"), e.identifier("name"), e.text("title"), e.text("message"),
             e.text("description"), e.choice("severity", SEVERITIES), "", True, ())
    if r.code in rules:
        raise e.error("code", f"{r.code!r} is a rule of the rules section already")
    e.finish()
    return e, r.code, r


def _condition(entry: Entry, vocabularies: dict[str, Vocabulary]) -> Condition | None:
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
    named = tuple(w[1:] for w in words if w.startswith("@"))
    for name in named:
        if name not in vocabularies:
            raise entry.error("when", f"mentions unknown vocabulary {name!r}")
    return Condition(_arg(entry, "when", raw["arg"]), tuple(w.lower() for w in words if not w.startswith("@")),
                     raw.get("if_missing", False), named)


def _document(entry: Entry, raw: object) -> Document:
    if not isinstance(raw, dict) or set(raw) != {"id", "title", "url"}:
        raise entry.error("documents", "each document needs exactly id, title and url")
    return Document(str(raw["id"]), str(raw["title"]), str(raw["url"]))


def _vocabularies(entries: list[Entry], categories: set[str]) -> dict[str, Vocabulary]:
    """Vocabularies by id; an entry with ``extends`` adds terms to one (a project's settings)."""
    found: dict[str, Vocabulary] = {}
    extensions: list[tuple[Entry, str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = []
    for e in entries:
        extends = e.optional_text("extends")
        terms, weak, languages = _terms(e, "terms"), _terms(e, "weak"), _languages(e)
        if extends is not None:
            extensions.append((e, extends, terms, weak, languages))
            e.finish()
            continue
        v = Vocabulary(e.identifier("id"), e.text("category"), e.text("description"), terms, weak,
                       languages, e.choice("report", VOCABULARY_REPORTS))
        if v.category not in categories:
            raise e.error("category", f"{v.category!r} has no rule")
        if not v.terms:
            raise e.error("terms", "a vocabulary needs terms")
        if v.id in found:
            raise e.error("id", f"{v.id!r} is defined twice")
        e.finish()
        found[v.id] = v
    for e, extends, terms, weak, languages in extensions:
        base = found.get(extends)
        if base is None:
            raise e.error("extends", f"names unknown vocabulary {extends!r}")
        found[extends] = dataclasses.replace(
            base, terms=tuple(dict.fromkeys(base.terms + terms)), weak=tuple(dict.fromkeys(base.weak + weak)),
            languages=tuple(dict.fromkeys(base.languages + languages)))
    return found


def _terms(e: Entry, key: str) -> tuple[str, ...]:
    """``{language: [term, ...]}``, lower-cased and in one tuple."""
    raw = e.raw.get(key)
    e.used.add(key)
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(w, str) and w.strip() for w in v)
            for k, v in raw.items()):
        raise e.error(key, "must be a table of language = [terms]")
    tables: dict[str, list[str]] = raw  # checked just above
    return tuple(dict.fromkeys(w.strip().lower() for words in tables.values() for w in words))


def _languages(e: Entry) -> tuple[str, ...]:
    tables = [table for key in ("terms", "weak") if isinstance(table := e.raw.get(key), dict)]
    keys = [str(k) for table in tables for k in table]
    return tuple(dict.fromkeys(keys))


def _meeting(e: Entry) -> Meeting:
    m = Meeting(e.identifier("id"), e.choice("kind", MEETING_KINDS, default="vocabulary"),
                e.optional_text("package") or "", e.text("checked"), e.text("description"),
                _calls(e), e.str_list("methods"), _args(e, "terms"), _args(e, "data"))
    if not m.calls and not m.methods:
        raise e.error("calls", "a meeting needs calls or methods")
    e.finish()
    return m


def _output(e: Entry) -> Output:
    o = Output(e.identifier("id"), e.choice("kind", OUTPUT_KINDS), e.optional_text("package") or "",
               e.text("checked"), e.text("description"), _calls(e), _args(e, "args"))
    if not o.calls:
        raise e.error("calls", "an output needs calls")
    e.finish()
    return o


def _derivations(entries: list[Entry], categories: set[str], sanitizers: set[object]) -> tuple[Derivation, ...]:
    found = []
    for e in entries:
        d = Derivation(e.identifier("id"), e.identifier("category"), e.optional_text("package") or "",
                       e.text("checked"), e.text("description"), _calls(e), e.str_list("methods"), _args(e, "args"),
                       e.str_list("sanitizers"))
        if d.category in categories:
            raise e.error("category", f"{d.category!r} is a rule's sink category: its sinks already derive it")
        if not (d.calls or d.methods or d.sanitizers):
            raise e.error("calls", "a derivation needs calls, methods or sanitizers")
        unknown = [z for z in d.sanitizers if z not in sanitizers]
        if unknown:
            raise e.error("sanitizers", f"names unknown sanitizer {unknown[0]!r}")
        e.finish()
        found.append(d)
    return tuple(found)


def _account(e: Entry) -> tuple[str, ...]:
    """``account: true`` (every call returns one account's data) or a list of method names."""
    raw = e.raw.get("account")
    if isinstance(raw, bool):
        e.used.add("account")
        return ("*",) if raw else ()
    return e.str_list("account")
