"""Legacy code that libcst rejects but that runs: Python 2, and indentation mixing tabs and spaces.

A file libcst rejects gets a second chance here, and only such a file pays for it. First the
indentation of each line is rewritten as CPython's tokenizer counts it (a tab moves to the next
multiple of 8, a form feed back to 0): CPython accepts a block indented ``\\t`` holding lines
indented `` \\t `` where libcst wants each indentation to extend the one it is in, and Python 2
accepted any mix. Then, if that is not enough, the Python 2 constructs that are not Python 3
syntax are rewritten with fissix (a maintained fork of lib2to3), with only the fixers that make
the code parse: print and exec statements, ``except E, e:``, ``raise E, V``, backticks, ``<>``,
``0777`` and ``10L``, ``ur''`` strings, tuple parameters. Both happen in memory; nothing is executed or imported.

The fixers rewrite inside a statement, so lines stay where they are, and a :class:`Translation`
maps a position of the text libcst parsed back to the file: exact outside a rewritten span of a
line, the span's start inside it (``print x`` became ``print(x)``: ``x`` keeps its column). A
fixer that adds a line (``def f(self, (x, y)):`` and ``except E, (a, b):`` unpack on a new one)
is mapped to the line it came from. Files larger than :data:`MAX_CHARACTERS`, or nested deeper than the guard's bound,
are not translated (the fixers walk the tree recursively).
"""

from __future__ import annotations

import difflib
import io
import re
import threading
from collections.abc import Iterator
from typing import Any

from devterms import shape
from devterms.sourcetext import physical_lines

Point = tuple[int, int]  # 1-based line, 0-based column
MAX_CHARACTERS = 1_000_000
FIXERS = tuple(f"fissix.fixes.fix_{name}" for name in (
    "print", "exec", "except", "raise", "repr", "ne", "numliterals", "unicode", "tuple_params"))
EXPANDED, PYTHON2 = "with tabs expanded", "as Python 2"  # how a translation was made
_INDENT = re.compile(r"[ \t\f]*")
_TAB = 8
_lock = threading.Lock()


class Translation:
    """A text libcst can parse, made from ``original``, and the way back to its positions."""

    def __init__(self, original: str, text: str, how: str) -> None:
        self.original, self.text = original, text
        self.how = how  # EXPANDED | PYTHON2
        self._old, self._new = physical_lines(original), physical_lines(text)
        self._columns: dict[int, list[tuple[int, int, int, bool]]] = {}
        self._lines = list(range(len(self._new)))  # per translated line (0-based): the original's
        if len(self._old) != len(self._new):
            self._lines = []
            matcher = difflib.SequenceMatcher(None, self._old, self._new, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                i = i1
                for j in range(j1, j2):  # in order; a line like none left is one a fixer added
                    if tag == "equal" or (i < i2 and _alike(self._old[i], self._new[j])):
                        i += 1
                    self._lines.append(max(i - 1, 0))

    def position(self, point: Point) -> Point:
        """Where ``point`` of the translated text is in the original."""
        line, column = point
        if not 0 < line <= len(self._lines):
            return point
        index = self._lines[line - 1]
        old = self._old[index] if index < len(self._old) else ""
        new = self._new[line - 1]
        if old == new:
            return index + 1, column
        for j1, j2, i1, equal in self._spans(line - 1, old, new):
            if j1 <= column < j2:
                return index + 1, i1 + (column - j1) if equal else i1
        return index + 1, len(old)

    def _spans(self, number: int, old: str, new: str) -> list[tuple[int, int, int, bool]]:
        spans = self._columns.get(number)
        if spans is None:
            opcodes = difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
            spans = self._columns[number] = [(j1, j2, i1, tag == "equal") for tag, i1, _, j1, j2 in opcodes]
        return spans


def _alike(old: str, new: str) -> bool:
    return difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() >= 0.5


def translations(text: str, failed: list[NotTranslated]) -> Iterator[Translation]:
    """The texts to try after libcst rejected ``text``, cheapest first (none if there is nothing
    to change); why Python 2 could not be translated is added to ``failed`` (its point, if any,
    is one of ``text``)."""
    if not _fissix_loads():
        failed.append(NotTranslated("fissix cannot be imported"))
        return
    expanded = expand_indentation(text)
    if expanded != text:
        yield Translation(text, expanded, EXPANDED)
    try:
        translated = from_python2(expanded)
    except NotTranslated as stop:
        if stop.point is not None and expanded != text:
            stop.point = Translation(text, expanded, EXPANDED).position(stop.point)
        failed.append(stop)
        return
    if translated != expanded:
        yield Translation(text, translated, PYTHON2)


def expand_indentation(text: str) -> str:
    """``text`` with the indentation of every line (outside multi-line strings) in spaces, as
    wide as CPython's tokenizer measures it."""
    inside = _string_lines(text)
    lines = physical_lines(text, keepends=True)
    for number, line in enumerate(lines):
        indent = _INDENT.match(line).group()  # type: ignore[union-attr]
        if ("\t" in indent or "\f" in indent) and number not in inside:
            lines[number] = " " * _width(indent) + line[len(indent):]
    return "".join(lines)


def _width(indent: str) -> int:
    column = 0
    for char in indent:
        if char == "\t":
            column = (column // _TAB + 1) * _TAB
        elif char == "\f":
            column = 0
        else:
            column += 1
    return column


def _string_lines(text: str) -> set[int]:
    """0-based numbers of the lines that continue a multi-line string (their indentation is
    the string's text). The tokenizer is lib2to3's, which reads Python 2 and mixed tabs; where
    it gives up, the lines it did not reach are taken as code."""
    from fissix.pgen2 import token, tokenize

    inside: set[int] = set()
    try:
        for kind, _, start, end, _ in tokenize.generate_tokens(io.StringIO(text).readline):
            if kind == token.STRING and end[0] > start[0]:
                inside.update(range(start[0], end[0]))  # 1-based start+1 .. end, as 0-based
    except (tokenize.TokenError, IndentationError):
        pass
    return inside


class NotTranslated(Exception):
    """Why a text cannot be read as Python 2, and where lib2to3 stopped reading it, if it did."""

    def __init__(self, why: str, point: Point | None = None) -> None:
        super().__init__(why if point is None else f"{why} at {point[0]}:{point[1] + 1}")
        self.why = why
        self.point = point


def from_python2(text: str) -> str:
    """``text`` with its Python 2 syntax rewritten as Python 3 (read with print as a statement,
    then as a function, as a file half ported has it); :class:`NotTranslated` says why not,
    where the reading that went further stopped."""
    if len(text) > MAX_CHARACTERS:
        raise NotTranslated(f"{len(text):,} characters, beyond the bound of {MAX_CHARACTERS:,} translated")
    if _depth(text) > shape.MAX_DEPTH:
        raise NotTranslated(f"brackets nested beyond the bound of {shape.MAX_DEPTH}")
    source = text if text.endswith("\n") else text + "\n"
    stops: list[NotTranslated] = []
    for print_function in (False, True):
        try:
            with _lock:
                tree = _tool(print_function).refactor_string(source, "<legacy>")
        except Exception as error:  # noqa: BLE001 - lib2to3 raises ParseError, TokenError, IndentationError...
            stops.append(_stop(error))
            continue
        translated = str(tree)
        return translated if text.endswith("\n") else translated[:-1]
    raise max(stops, key=lambda stop: stop.point or (0, 0))


def _stop(error: Exception) -> NotTranslated:
    """lib2to3's error in a few words, and where it is."""
    from fissix.pgen2.parse import ParseError

    if isinstance(error, ParseError):
        line, column = error.context[1]
        return NotTranslated(error.msg, (line, column))
    if isinstance(error, SyntaxError) and error.lineno:  # IndentationError from the tokenizer
        return NotTranslated(error.msg, (error.lineno, 0))
    return NotTranslated(" ".join(str(error).split()) or type(error).__name__)


def _depth(text: str) -> int:
    """The deepest bracket nesting, counted by lib2to3's tokenizer (0 if it cannot tokenize)."""
    from fissix.pgen2 import token, tokenize

    depth = deepest = 0
    try:
        for kind, string, _, _, _ in tokenize.generate_tokens(io.StringIO(text).readline):
            if kind == token.OP and string in "([{":
                depth += 1
                deepest = max(deepest, depth)
            elif kind == token.OP and string in ")]}" and depth:
                depth -= 1
    except (tokenize.TokenError, IndentationError):
        pass
    return deepest


_tools: dict[bool, Any] = {}


def _fissix_loads() -> bool:
    """Whether fissix can be imported (on first import it writes its grammar tables to the
    user's cache folder, which may be read-only)."""
    try:
        import fissix.refactor  # noqa: F401
    except (ImportError, OSError):
        return False
    return True


def _tool(print_function: bool) -> Any:
    """fissix's refactoring tool with :data:`FIXERS`, made once (compiling the fixers costs)."""
    if print_function not in _tools:
        from fissix.refactor import RefactoringTool

        _tools[print_function] = RefactoringTool(list(FIXERS), {"print_function": print_function})
    return _tools[print_function]
