"""``# noqa: DT101`` suppressions for the CLI, in flake8's syntax and flake8's reach.

flake8 applies noqa itself; the CLI must do the same so that one comment works under both. Like
flake8, a comment anywhere in a multi-line statement covers every line of it, and codes may be
prefixes (``DT1``). Unlike flake8, a bare ``# noqa`` does not silence devterms unless the project
opts in (``allow-bare-noqa``): a blanket comment written for a style checker should not hide a
terms-of-service violation. Comments naming DT codes that silence nothing are reported (DT001).
"""

from __future__ import annotations

import io
import re
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass, field

NOQA = re.compile(
    r"""
    \#\s*noqa                                          # the marker, any case
    (?: :\s? (?P<codes> [A-Z]+[0-9]+ (?: [,\s]+ [A-Z]+[0-9]+ )* ) )?   # ': DT101, DT2'
    """,
    re.IGNORECASE | re.VERBOSE,
)


@dataclass(slots=True)
class Suppression:
    """One noqa comment: its position, its codes (empty for a bare noqa) and what it silenced."""

    line: int
    column: int
    codes: tuple[str, ...]
    used: set[str] = field(default_factory=set)

    @property
    def bare(self) -> bool:
        return not self.codes

    def covers(self, code: str, allow_bare: bool) -> str | None:
        """The listed code (or ``"*"`` for a bare comment) that silences ``code``, if any."""
        if self.bare:
            return "*" if allow_bare else None
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

    def suppressed(self, code: str, line: int, allow_bare: bool) -> bool:
        """Whether a comment on ``line``'s statement silences ``code``; marks the comment used."""
        for comment in self._by_line.get(line, ()):
            matched = comment.covers(code, allow_bare)
            if matched:
                comment.used.add(matched)
                return True
        return False

    def unused(self, enabled: Iterable[str], known: Iterable[str]) -> list[tuple[Suppression, str]]:
        """DT codes listed in comments that silenced nothing, when they could have.

        A code is reported when it names (or prefixes) an enabled code, or no known code at all
        (a typo); a comment for a rule that is switched off is not dead, just dormant.
        """
        enabled, known = tuple(enabled), tuple(known)
        dead = []
        for comment in self.comments:
            for code in comment.codes:
                if not code.startswith("DT") or code in comment.used:
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
    return Suppression(line, column + match.start(), codes)


def _statements(text: str) -> list[tuple[int, int, list[tuple[int, int, str]]]]:
    """(first line, last line, comments) of each logical line; physical lines if untokenisable."""
    try:
        return _logical_lines(text)
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return [(n, n, [(n, line.find("#"), line[line.find("#"):])])
                for n, line in enumerate(text.splitlines(), 1) if "#" in line]


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
