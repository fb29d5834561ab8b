"""What a rule looks for besides its sinks: the vocabularies and meeting points it uses.

``devterms explain`` shows this so that a user can see why a classifier call or a keyword test
was reported, and which data file to extend (``rules/vocabularies/``, ``rules/meetings.yaml``,
or ``[tool.devterms.vocabularies]`` in their own pyproject).
"""

from __future__ import annotations

import textwrap

from devterms.engine.meetings import IDENTITY, IN_CODE
from devterms.pack.types import Meeting, Rule, RulePack, Vocabulary

EXAMPLE_TERMS = 6


def purpose_lines(pack: RulePack, rule: Rule) -> list[str]:
    """Lines for the vocabularies of the rule's category and the meeting points that report it."""
    vocabularies = [v for v in pack.vocabularies.values() if v.category == rule.sink_category]
    meetings = [m for m in pack.meetings if _reports(m, rule, bool(vocabularies))]
    in_code = [text for category, text in IN_CODE
               if (category is None and vocabularies) or category == rule.sink_category]
    lines: list[str] = []
    if vocabularies:
        lines.append("Vocabularies (rules/vocabularies/):")
        for vocabulary in vocabularies:
            lines += _vocabulary_lines(vocabulary)
        lines.append("")
    if meetings or in_code:
        lines.append("Meeting points (where platform data meets them):")
        for meeting in meetings:
            lines += textwrap.wrap(f"{meeting.id}: {' '.join(meeting.description.split())}", 84,
                                   initial_indent="  ", subsequent_indent="    ")
        for text in in_code:
            lines += textwrap.wrap(f"in code: {text}", 84, initial_indent="  ", subsequent_indent="    ")
        lines.append("")
    return lines


def _reports(meeting: Meeting, rule: Rule, has_vocabularies: bool) -> bool:
    if meeting.kind == "cross-platform":
        return rule.sink_category == IDENTITY
    return has_vocabularies


def _vocabulary_lines(vocabulary: Vocabulary) -> list[str]:
    when = "where the data meets it" if vocabulary.report == "at-meeting" else (
        "when the result is kept or sent on about a person, or the data is one account's")
    count = len(vocabulary.terms) + len(vocabulary.weak)
    examples = ", ".join(vocabulary.terms[:EXAMPLE_TERMS])
    return [f"  {vocabulary.id}: {vocabulary.description}",
            *textwrap.wrap(f"{count} terms in {', '.join(vocabulary.languages)} (e.g. {examples}); "
                           f"reported {when}", 84, initial_indent="    ", subsequent_indent="    ")]
