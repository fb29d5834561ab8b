"""The values a rule pack is made of: platforms, clauses, sources, sinks, storage and rules.

Plain frozen dataclasses, built by :mod:`devterms.pack.load` from the YAML and read by everyone
else; the schema they follow is documented in ``rules/README.md``.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

SEVERITIES = ("error", "warning", "note")
CONFIDENCES = ("high", "medium", "low")
SOURCE_KINDS = ("api", "scraper", "unofficial-client")
VOCABULARY_REPORTS = ("at-meeting", "when-kept")
MEETING_KINDS = ("vocabulary", "cross-platform")
OUTPUT_KINDS = ("alert", "store", "send")
PROPAGATION_KINDS = ("fills-receiver", "builds-path", "binds-arguments", "returns-default",
                     "declares-setting", "returns-settings", "keeps-options", "shares-settings", "takes-folder",
                     "names-current-folder", "names-temp-file", "builds-statement", "fills-template", "joins-text")
METHOD_KINDS = ("fills-receiver", "fills-template", "joins-text")  # kinds named by method, on any receiver
STORAGE_KINDS = ("opener", "writer", "downloader", "lister", "sql", "reader")
STORES = ("files", "tables", "cache")  # what a storage entry writes to, as the map groups it
TABLE_NAMES = ("text", "model")  # how a table entry's ``path`` names its table
RECEIVER = "receiver"


@dataclass(frozen=True, slots=True)
class Arg:
    """An argument of a call, by position (0-based, ``self`` excluded) and/or keyword; with
    ``key``, the element the argument holds under that key (a message's ``To`` header), where
    a dotted key names an element of an element (``paths.home``)."""

    pos: int | None
    kw: str | None
    key: str | None = None

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
    rules: tuple[str, ...] = ()  # the codes of the rules this clause supports


@dataclass(frozen=True, slots=True)
class ClauseGap:
    """A statement that a platform's terms have no clause for some rules: the documents that were
    read (ids of the platform's documents, and the copies read when not the live page), when, and
    what was found. A finding of those rules about that platform's data shows it in place of a
    clause, so that no clause is never silence."""

    id: str
    platform: str
    rules: tuple[str, ...]
    documents: tuple[str, ...]
    checked: str  # ISO date the documents were read
    statement: str  # one line, in our own words
    copies: tuple[str, ...] = ()  # URLs of the stored copies read, when not the documents' own pages


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
    account: tuple[str, ...] = ()  # methods returning one named account's data ("*": all)

    def about_one_account(self, path: str) -> bool:
        """Whether the call ``path`` returns one named account's data (a timeline, a profile)."""
        return "*" in self.account or path.replace("()", "").rsplit(".", 1)[-1] in self.account
    skip_paths: tuple[str, ...] = ()  # URL paths of the hosts that fetch no one's data (login pages)


@dataclass(frozen=True, slots=True)
class Sink:
    """Calls (or HTTP endpoints, by host) where platform data must not arrive.

    ``args`` lists the sensitive arguments (empty: any argument). With ``targets``, the call is
    a sink only when one of those arguments names a host (URL or e-mail address) matching ``hosts``;
    without ``calls``, ``hosts`` applies to every HTTP client call's URL. With ``when``, only
    when an argument's constant text mentions one of some words. With ``on_result``, the data
    is the call's own result: a platform query that is itself the violation (monitoring
    protests), reported whatever its arguments carry. A sink's result has passed its category,
    so a later sink of that category on the same path is not reported again, unless
    ``passes_on``: a cloud detection that makes face IDs is reported, and so is the
    identification those IDs are then sent to.
    """

    id: str
    category: str
    package: str
    checked: str
    description: str
    calls: tuple[str, ...]
    args: tuple[Arg, ...]
    hosts: tuple[str, ...]
    targets: tuple[Arg, ...]
    when: Condition | None
    on_result: bool
    account_only: bool = False  # only data about one named account counts (a map of one person)
    passes_on: bool = False  # its result still counts at later sinks of its category (face IDs, then identify)


@dataclass(frozen=True, slots=True)
class Condition:
    """An argument whose constant text mentions any of ``words``, or holds a literal with terms
    of one of ``vocabularies`` (or is absent, if allowed)."""

    arg: Arg
    words: tuple[str, ...]
    if_missing: bool
    vocabularies: tuple[str, ...] = ()  # ``@id`` in the pack: any term of these vocabularies


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Named terms (in several languages) whose meeting with platform data reveals a purpose.

    ``category`` is the sink category a meeting reports. One of ``terms`` is enough; ``weak``
    terms are ambiguous alone (*march*, *strike*, *black*) and count only two different ones
    together. ``report``: ``at-meeting`` reports where the data meets the terms (running a face
    model on a photo); ``when-kept`` only when the result is kept or sent on about a person, or
    when the data is one account's own (a keyword count over many people's posts is research).
    """

    id: str
    category: str
    description: str
    terms: tuple[str, ...]
    weak: tuple[str, ...]
    languages: tuple[str, ...]
    report: str


@dataclass(frozen=True, slots=True)
class Meeting:
    """Calls where platform data meets something that gives the call a purpose.

    ``vocabulary``: terms of a vocabulary in ``terms`` (a classifier's labels, an LLM prompt, a
    regular expression, the file a model was loaded from) and platform data in ``data`` (empty:
    any argument or the receiver). ``cross-platform``: data of two platforms compared (fuzzy
    name matching, joins), which is identity matching. ``methods`` match by name on any object.
    """

    id: str
    kind: str
    package: str
    checked: str
    description: str
    calls: tuple[str, ...]
    methods: tuple[str, ...]
    terms: tuple[Arg, ...]
    data: tuple[Arg, ...]


@dataclass(frozen=True, slots=True)
class Output:
    """Calls that keep or send data on (an alert channel, a store): an inference about a person
    that reaches one is kept about that person. Storage writers and HTTP clients count as well."""

    id: str
    kind: str
    package: str
    checked: str
    description: str
    calls: tuple[str, ...]
    args: tuple[Arg, ...]


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
    """Calls whose result no longer identifies anyone (counts, lengths, booleans).

    ``methods`` match by name on any object (a data frame's ``mean``). A ``truth`` sanitizer
    (``any``, ``bool``) keeps what was inferred about a person: the answer is still about them.
    """

    id: str
    description: str
    calls: tuple[str, ...]
    methods: tuple[str, ...] = ()
    truth: bool = False


@dataclass(frozen=True, slots=True)
class Storage:
    """Calls that move data to or from files and tables, so flows can pass through disk.

    ``opener``: the result is a handle on ``path`` (reading it yields what the file holds);
    ``reader``: the result is what ``path`` holds (a key-value store's get);
    ``writer``: ``data`` is written to ``path``; ``downloader``: the call's own result (a
    download) is written to ``path``, and a returned path names it; ``lister``: the result names
    files inside folder ``path``; ``sql``: a statement (``path``) that writes ``data`` into, or
    reads from, the table it names. With ``store: tables``, a ``writer`` writes ``data`` into
    the table ``path`` names and a ``reader`` reads it (``DataFrame.to_sql``, ``read_sql_table``).
    ``table: model``: ``path`` is an ORM model of the project (the class, an instance, or
    something hanging from the class, ``User.objects``), whose class names the table; a writer
    without ``data`` writes all its arguments (``User.objects.create(name=...)``).
    ``path`` lists the arguments that may name it, the first one with a known text wins (an
    object's folder option, ``{key: dirname_pattern}``, before the call's own target argument).
    ``methods``: names matched on any receiver whose type is unknown (a connection handed in as a
    parameter), for tables only: when ``path`` is a statement naming a table (``sql``) or a
    known table name.
    """

    id: str
    kind: str
    description: str
    calls: tuple[str, ...]
    path: tuple[Arg, ...]
    data: tuple[Arg, ...]
    methods: tuple[str, ...] = ()
    store: str = "files"  # files, tables (sql) or cache: how the map lists what is written
    table: str = "text"  # with store tables: the table is named by text or by an ORM model


@dataclass(frozen=True, slots=True)
class Derivation:
    """Calls that derive something from platform data that is no finding by itself (counts,
    sentiment, topics): the map lists the data's use under ``category``. ``args``: where the
    data is (omitted: any argument or the receiver); ``sanitizers``: ids of sanitizers whose
    calls derive this category too (``len`` counts)."""

    id: str
    category: str
    package: str
    checked: str
    description: str
    calls: tuple[str, ...] = ()
    methods: tuple[str, ...] = ()
    args: tuple[Arg, ...] = ()
    sanitizers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Propagation:
    """How data and text move through calls that are neither sources nor sinks.

    ``fills-receiver``: methods (by name, on any object) that put their arguments into the
    object they are called on (``append``, ``set_content``); ``builds-path``: calls that return
    their arguments' text joined by ``separator`` (after the receiver's text, with ``receiver``;
    an empty text is the current folder and drops out, as in ``os.path.join``); ``takes-folder``:
    calls (and attributes) returning the folder of the path they are given (``os.path.dirname``,
    ``Path.parent``); ``names-current-folder``: calls naming the current folder, which relative
    paths are relative to (``os.getcwd()``: an empty text); ``names-temp-file``: calls creating
    a file or folder with a fresh name inside ``folder`` (``tempfile.mkstemp(dir=...)``: the
    name, and the descriptor ``os.fdopen`` opens, read as ``folder/<unknown>``);
    ``binds-arguments``: calls returning their first argument with the others bound to it
    (``functools.partial``); ``returns-default``: calls that look a value up outside the code
    (the environment, a settings file) and return ``default`` when it is not there, so the
    default's text is what the code can know (``os.environ.get("DEST", "https://...")``);
    ``declares-setting``: calls that declare a named setting with a ``default`` on the object
    they are called on (``parser.add_argument("--dest", default=...)``; the name is the ``name``
    argument, else taken from the flags); ``returns-settings``: calls returning the settings
    declared on their receiver as attributes (``parser.parse_args()``); ``shares-settings``:
    calls returning a part of their receiver whose declared settings are the receiver's
    (``parser.add_argument_group()``); ``keeps-options``:
    constructors whose options (the keyword arguments, or the dict argument ``options``) the
    object keeps, so that a method writing files where an option says can be followed
    (``Instaloader(dirname_pattern=...)``, ``YoutubeDL({"outtmpl": ...})``); ``builds-statement``:
    calls returning an SQL statement object, read as the text ``statement`` followed by the name
    of the table that the ``name`` argument (or, with ``receiver``, the receiver) stands for
    (SQLAlchemy Core's ``insert(users)``, ``users.select()``; with an empty ``statement``, the
    object stands for the table's name: ``Table("users", metadata)``); ``fills-template``:
    methods (by name, on any text the engine knows) returning their receiver with its fields
    filled in, the fields read as unknown parts (``"{}/{}.json".format(...)``); ``joins-text``:
    methods returning their one argument's parts with the receiver's text between them
    (``"/".join(parts)``).
    """

    id: str
    kind: str
    description: str
    calls: tuple[str, ...]
    methods: tuple[str, ...]
    separator: str
    receiver: bool
    default: Arg | None = None
    name: Arg | None = None
    options: Arg | None = None
    folder: Arg | None = None
    statement: str = ""


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
    collects: tuple[str, ...] = ()  # source kinds reported where they collect (unofficial scrapers)
    clause_category: str = ""  # the category of its most specific clauses, cited first


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
    vocabularies: dict[str, Vocabulary] = dataclasses.field(default_factory=dict)
    meetings: tuple[Meeting, ...] = ()
    outputs: tuple[Output, ...] = ()
    derivations: tuple[Derivation, ...] = ()
    # hosts (``*.``-patterns too) a project declares harmless: a URL or e-mail domain matching
    # one is no sink destination, even when a broader sink pattern (``*.gov``) covers it
    allowed_hosts: tuple[str, ...] = ()
    clause_gaps: dict[str, ClauseGap] = dataclasses.field(default_factory=dict)
    # re-exports: a dotted name -> the name the pack writes its calls under (``aliases`` section)
    aliases: dict[str, str] = dataclasses.field(default_factory=dict)
    # rules about devterms itself (DT000, DT001, DT601): no sink category, no clause
    tool_rules: dict[str, Rule] = dataclasses.field(default_factory=dict)

    def call_patterns(self) -> Iterator[tuple[str, str]]:
        """(entry id, call pattern) for every call the pack writes, in every section."""
        for section in (self.sources, self.sinks, self.http_clients, self.sanitizers, self.storage,
                        self.propagation, self.meetings, self.outputs, self.derivations):
            for entry in section:
                yield from ((entry.id, call) for call in entry.calls)
        yield from ((source.id, call) for source in self.sources for call in source.callbacks)

    def rule_for_category(self, category: str) -> Rule | None:
        return self._rules_by_category.get(category)

    def rule_collecting(self, source_kind: str) -> Rule | None:
        """The rule that reports a source of this kind where it collects, if any."""
        return next((r for r in self.rules.values() if source_kind in r.collects), None)

    @functools.cached_property
    def _rules_by_category(self) -> dict[str, Rule]:
        return {rule.sink_category: rule for rule in self.rules.values()}

    def expand_hosts(self, hosts: Iterable[str]) -> tuple[str, ...]:
        expanded: list[str] = []
        for host in hosts:
            expanded.extend(self.host_groups[host[1:]] if host.startswith("@") else (host,))
        return tuple(expanded)

    def clauses_for(self, rule: Rule, platform: str) -> tuple[Clause, ...]:
        """The clauses of ``platform`` that ``rule`` cites, the most specific first: those of the
        rule's ``clause_category`` (a face-recognition ban before a general surveillance one)."""
        cited = [self.clauses[cid] for cid in rule.clauses if self.clauses[cid].platform == platform]
        return tuple(sorted(cited, key=lambda clause: clause.category != rule.clause_category))

    def clause_gap(self, rule: Rule, platform: str) -> ClauseGap | None:
        """The statement that ``platform``'s terms have no clause for ``rule``, if one was recorded."""
        return next((g for g in self.gaps_for(rule) if g.platform == platform), None)

    def gaps_for(self, rule: Rule) -> tuple[ClauseGap, ...]:
        """Every platform's statement that its terms have no clause for ``rule``."""
        return tuple(g for g in self.clause_gaps.values() if rule.code in g.rules)

    def documents(self, platform: str) -> dict[str, Document]:
        """A platform's documents by id (none for a platform the pack does not know)."""
        known = self.platforms.get(platform)
        return {d.id: d for d in known.documents} if known is not None else {}

    def document_title(self, clause: Clause) -> str:
        document = self.documents(clause.platform).get(clause.document)
        return document.title if document is not None else clause.document

    def gap_documents(self, gap: ClauseGap) -> list[Document]:
        """The documents a clause gap's platform was read in (an unknown one by its id alone)."""
        documents = self.documents(gap.platform)
        return [documents.get(d, Document(d, d, "")) for d in gap.documents]

    def legal_process(self, rule: Rule) -> dict[str, list[str]]:
        """Each legal-process text the rule's clauses carry, with the clauses that carry it."""
        texts: dict[str, list[str]] = {}
        for cid in rule.clauses:
            text = self.clauses[cid].legal_process_exception
            if text:
                texts.setdefault(text, []).append(cid)
        return texts
