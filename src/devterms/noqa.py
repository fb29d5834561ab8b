"""``# noqa`` suppressions, one rule for ``devterms check``, the LSP and flake8.

A ``# noqa`` comment silences a finding when it is bare or lists the finding's code or a prefix
of it (``DT1``), and sits on any line of the statement the finding is reported on: on the
closing line of a multi-line call, say. The comment syntax is flake8's own (its regular
expression is used), because flake8 reads the same comments: flake8 itself looks only at the
reported line, so the flake8 adapter applies this rule before handing findings over, and the two
front ends agree. A bare ``# noqa`` therefore silences devterms too, as it does in flake8 (it
cannot be stopped there). Listed DT codes that silence nothing are reported (DT001); other
plugins' codes, even ones starting with ``DT`` (flake8-datetimez's ``DTZ007``), are left alone.
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, field

from flake8.defaults import NOQA_INLINE_REGEXP as NOQA  # the syntax flake8 reads

from devterms.sourcetext import physical_lines

DEVTERMS_CODE = re.compile(r"DT[0-9]{0,3}\Z")  # a code or a prefix of one; DTZ007 is not ours


@dataclass(slots=True)
class Suppression:
    """One noqa comment: its position, its codes (empty for a bare noqa) and what it silenced."""

    line: int
    column: int
    codes: tuple[str, ...]
    reason: str = ""  # what follows the codes: "# noqa: DT201 answered a court order"
    used: set[str] = field(default_factory=set)

    @property
    def bare(self) -> bool:
        return not self.codes

    def covers(self, code: str) -> str | None:
        """The listed code (or ``"*"`` for a bare comment) that silences ``code``, if any."""
        if self.bare:
            return "*"
        return next((c for c in self.codes if code.startswith(c)), None)


class FileSuppressions:
    """The noqa comments of one file, looked up by the physical line of a finding."""

    def __init__(self, text: str) -> None:
        self.comments: list[Suppression] = []
        self._by_line: dict[int, list[Suppression]] = {}
        for first, last, comments in _statements(text):
            found = [s for s in (_parse(line, col, body) for line, col, body in comments) if s]
            self.comments.extend(found)
            for line in range(first, last + 1):
                self._by_line[line] = found

    def suppressed(self, code: str, line: int) -> bool:
        """Whether a comment on ``line``'s statement silences ``code``; marks the comment used."""
        comment = self.covering(code, line)
        if comment is not None:
            comment.used.add(comment.covers(code) or "*")
        return comment is not None

    def covering(self, code: str, line: int) -> Suppression | None:
        """The comment on ``line``'s statement that silences ``code``, if any."""
        return next((c for c in self._by_line.get(line, ()) if c.covers(code)), None)

    def unused(self, enabled: Iterable[str], known: Iterable[str]) -> list[tuple[Suppression, str]]:
        """DT codes listed in comments that silenced nothing, when they could have.

        A code is reported when it names (or prefixes) an enabled code, or no known code at all
        (a typo); a comment for a rule that is switched off is not dead, just dormant.
        """
        enabled, known = tuple(enabled), tuple(known)
        dead = []
        for comment in self.comments:
            for code in comment.codes:
                if not DEVTERMS_CODE.match(code) or code in comment.used:
                    continue
                is_known = any(k.startswith(code) for k in known)
                if not is_known or any(e.startswith(code) for e in enabled):
                    dead.append((comment, code))
        return dead


def _parse(line: int, column: int, comment: str) -> Suppression | None:
    match = NOQA.search(comment)
    if match is None:
        return None
    codes = tuple(c.upper() for c in re.split(r"[,\s]+", match["codes"] or "") if c)
    reason = comment[match.end():].strip(" \t-:#")
    return Suppression(line, column + match.start(), codes, reason)


def _statements(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(first line, last line, comments) of each logical line; physical lines if untokenisable."""
    try:
        return _logical_lines(text)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return [(n, n, [(n, line.find("#"), line[line.find("#"):])])
                for n, line in enumerate(physical_lines(text), 1) if "#" in line]


def _logical_lines(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    statements: list[tuple[int, int, list[tuple[int, int, str]]]] = []
    first: int | None = None
    has_code = False
    comments: list[tuple[int, int, str]] = []
    for token in tokenize.generate_tokens(io.StringIO(text).readline):
        if token.type in (tokenize.ENCODING, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT):
            continue
        if first is None:
            first = token.start[0]
        if token.type == tokenize.COMMENT:
            comments.append((token.start[0], token.start[1], token.string))
        elif token.type == tokenize.NEWLINE or (token.type == tokenize.NL and not has_code):
            # NEWLINE ends a statement; NL ends only a blank or comment-only line
            statements.append((first, token.end[0], comments))
            first, has_code, comments = None, False, []
        elif token.type != tokenize.NL:
            has_code = True
    if first is not None:
        statements.append((first, first, comments))
    return statements
