"""Meeting points: where platform data meets what gives code a purpose.

Surveillance is rarely one library call. A zero-shot classifier is harmless until its labels
are religions; a regular expression until it lists health conditions; ``w in text`` until the
words are protest slogans; a model until it was loaded from ``depression_clf.pkl``. String
literals that hold terms of a vocabulary (``rules/vocabularies/``) become *marker* traces at
the literal; they travel with constants like data does (through globals, imports, containers,
f-strings and calls). Where a marked value and platform data come together in one meeting call,
comparison or intersection, the meeting is an inference about the data, of the vocabulary's
sink category.

The vocabulary says when that is a finding: ``at-meeting`` (running a face model on a photo
is face identification, whatever follows) or ``when-kept``: when the data is one named
account's own, or when the result, still tied to the person, reaches an output (a store, an
HTTP request, an alert channel). A count of keyword hits over many people's posts is research;
a list of who matched, kept or sent on, is not. Either way the finding sits at the meeting and
names the literal as a step of its flow.

Identity matching without a matching library is here too: data of two platforms compared
(``==``, fuzzy matching), and an identifier of one platform put into a request to another's
host or into a table of other sites' profile URLs.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.scope import Scope
from devterms.engine.findings import Reporter
from devterms.engine.summaries import KEPT, Pending
from devterms.pack.index import Knowledge
from devterms.pack.types import RulePack, Vocabulary
from devterms.values import HOLE, NOTHING, Inference, Trace, Value, merge_traces

SITE_TABLE = "mark:site-table"
MIN_SITES = 3  # distinct platforms whose profile URLs make a table of sites to probe
IDENTITY = "identity-matching"


# The meetings written into the engine rather than listed in rules/meetings.yaml: operators and
# expressions of the language. ``None``: they meet any vocabulary; otherwise the category they report.
IN_CODE: tuple[tuple[str | None, str], ...] = (
    (None, "a term collection tested against the data: `term in text`, "
           "`any(w in text for w in TERMS)`, a comprehension's `if`, a set intersection `&`"),
    (None, "an `if` whose test meets the terms guards what its body keeps or sends"),
    (IDENTITY, "data of two platforms compared with `==` or `!=`"),
    (IDENTITY, "an identifier of one platform formatted into a request to another platform's host"),
    (IDENTITY, f"an identifier formatted into a table of profile URLs on {MIN_SITES} or more platforms"),
)


class Meetings:
    def __init__(self, pack: RulePack, knowledge: Knowledge, reporter: Reporter) -> None:
        self.pack = pack
        self.knowledge = knowledge
        self.reporter = reporter

    # ------------------------------------------------------------------ markers of constants

    def literal(self, scope: Scope, node: cst.CSTNode, text: str) -> tuple[Trace, ...]:
        """Marker traces for the vocabulary terms a string literal holds."""
        hits = self.knowledge.vocabulary.hits(text)
        if not hits:
            return ()
        return tuple(
            Trace(f"vocab:{h.vocabulary.id}:{'w' if h.weak else 's'}:{h.term}", f"vocab:{h.vocabulary.id}",
                  h.term, (scope.step(node, f'"{h.term}" ({h.vocabulary.description})'),))
            for h in hits)

    def table(self, scope: Scope, node: cst.CSTNode, texts: list[str | None]) -> tuple[Trace, ...]:
        """A marker for a literal table of profile URLs on :data:`MIN_SITES` or more platforms."""
        platforms = {self.knowledge.platform_of_url(t) for t in texts
                     if t and "//" in t and ("{" in t or "%s" in t or HOLE in t)}
        platforms.discard(None)
        if len(platforms) < MIN_SITES:
            return ()
        names = ", ".join(sorted(self.pack.platforms[p].name for p in platforms if p))
        return (Trace(SITE_TABLE, SITE_TABLE, names, (scope.step(node, f"a table of profile URLs on {names}"),)),)

    # ------------------------------------------------------------------ meetings

    def meet(self, scope: Scope, node: cst.CSTNode, terms: Value, data: Value, what: str) -> Value:
        """``data`` meets ``terms`` at ``node`` (described by ``what``): the inference, if any."""
        found: list[Trace] = []
        for vocabulary, marker in self.vocabularies_in(terms):
            label = f"{what} with {vocabulary.description} terms"
            sink = scope.step(node, f"reaches {label}")
            inference = Inference(vocabulary.category, vocabulary.id, sink, label)
            immediate = vocabulary.report == "at-meeting"
            target = Pending("", label, vocabulary.category, (sink,), sink, account_only=not immediate)
            for trace in data.traces:
                if trace.is_marker or vocabulary.category in trace.reached:
                    continue
                self.reporter.reached(scope.summary, target, trace, (marker.steps[0], sink))
                if immediate:
                    found.append(trace.passed(vocabulary.category))
                else:
                    found.append(trace.inferred(inference, (marker.steps[0], sink)))
        return Value(traces=merge_traces(found)) if found else NOTHING

    def kept(self, scope: Scope, node: cst.CSTNode, data: Value, what: str) -> None:
        """``data`` reaches an output: what was inferred from it is kept about the person."""
        for trace in data.traces:
            if trace.is_param and scope.summary is not None:  # a helper: its callers' inferences are kept here
                step = scope.step(node, f"kept: {what}")
                self.reporter.reached(scope.summary, Pending("", what, KEPT, (step,), step), trace, (step,))
                continue
            inference = trace.inference
            if inference is None or inference.category in trace.reached:
                continue
            step = scope.step(node, f"kept: {what}")
            target = Pending("", inference.label, inference.category, (inference.meeting,), inference.meeting)
            self.reporter.reached(scope.summary, target, trace, (step,))

    def compared(self, scope: Scope, node: cst.CSTNode, values: list[Value], what: str) -> None:
        """Data of two or more platforms compared or joined at ``node``: identity matching (also
        once a caller's data make it so, when some of it is a parameter's)."""
        self.reporter.compared(scope.summary, scope.step(node, f"reaches {what}"), IDENTITY, what,
                               [list(v.traces) for v in values])

    def probed(self, scope: Scope, node: cst.CSTNode, url: Value, host_platform: str | None, what: str) -> None:
        """A request whose URL holds platform data: probing another platform's host, or every
        site of a table of profile URLs, with an identifier is identity matching."""
        if not url.tainted:
            return
        if any(t.origin == SITE_TABLE for t in url.traces):
            table = next(t for t in url.traces if t.origin == SITE_TABLE)
            self.reporter.sink(scope.summary, scope.step(node, f"reaches {what} on {table.source}"),
                               IDENTITY, f"{what} on {table.source}", url)
        elif host_platform is not None and _names_someone(url.text):
            name = self.pack.platforms[host_platform].name
            self.reporter.sink(scope.summary, scope.step(node, f"reaches {what} ({name})"), IDENTITY,
                               f"{what} ({name})", url, other_than=host_platform)

    def vocabularies_in(self, value: Value, weak_alone: bool = False) -> list[tuple[Vocabulary, Trace]]:
        """The vocabularies ``value``'s markers hit: one term, or two different weak ones (one is
        enough with ``weak_alone``: a platform search for "rally" is about rallies)."""
        strong: dict[str, Trace] = {}
        weak: dict[str, list[Trace]] = {}
        for marker in value.markers:
            parts = marker.origin.split(":", 3)
            if parts[0] != "vocab" or len(parts) < 4:
                continue
            if parts[2] == "s":
                strong.setdefault(parts[1], marker)
            else:
                weak.setdefault(parts[1], []).append(marker)
        hit = dict(strong)
        for vid, markers in weak.items():
            if vid not in hit and (weak_alone or len({m.source for m in markers}) >= 2):
                hit[vid] = markers[0]
        return [(self.pack.vocabularies[vid], marker) for vid, marker in sorted(hit.items())
                if vid in self.pack.vocabularies]


def _names_someone(url: str | None) -> bool:
    """Whether a URL template's unknown part sits where a profile URL names its account (one of
    the first two path segments: ``/\0``, ``/@\0``, ``/user/\0``), not in its query."""
    if not url or HOLE not in url:
        return False
    rest = url.split("//", 1)[-1]
    path = rest.partition("/")[2].split("?", 1)[0].split("#", 1)[0]
    return HOLE in "/".join(path.split("/")[:2])
