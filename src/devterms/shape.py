"""How deep and how long a file's expressions are, measured with the tokenizer before parsing.

libcst's parser is super-linear in bracket depth and in the length of trailer and operator
chains (400 nested brackets take ~8 s, 5,000 exhaust memory, 50,000 nested parentheses crash
the process), so a file is measured first and refused beyond :data:`BOUNDS` with one diagnostic
naming the bound. The tokenizer sees what the parser will see: brackets, dots and operators
inside string literals (a base64 blob full of ``+``) are part of a STRING token and count for
nothing. Files that are unusual but within the bounds are parsed behind a process boundary
(:mod:`devterms.parse_worker`); :func:`is_plain` says which files need not be.
"""

from __future__ import annotations

import io
import keyword
import tokenize
from dataclasses import dataclass

# Refused beyond these (each parses in about 2 s at its bound on a slow machine; real code
# stays far below: in the standard library the deepest nesting is 13, the longest chain 11 and
# the longest operator run 25).
MAX_DEPTH = 100            # brackets open at once: ( [ {
MAX_CHAIN = 300            # consecutive trailers: .name, (...), [...] after one atom
MAX_OPERATORS = 1_500      # operators in one run: a + b - c * ... (and/or/not/if/else too)
# Files within these are parsed in the analysing process; beyond, in the worker.
PLAIN_DEPTH = 30
PLAIN_CHAIN = 100
PLAIN_OPERATORS = 300

_OPENERS = frozenset("([{")
_CLOSERS = frozenset(")]}")
# Operators of an expression (keywords too: ``lambda`` and ``if``/``else`` nest like operators).
_OPERATORS = frozenset({"+", "-", "*", "/", "//", "%", "**", "@", "|", "&", "^", "<<", ">>", "~",
                        "and", "or", "not", "in", "is", "if", "else", "lambda", "await"})
_ATOM_ENDS = frozenset({tokenize.NAME, tokenize.NUMBER, tokenize.STRING})
_IGNORED = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT})


@dataclass(frozen=True, slots=True)
class Shape:
    """The largest depth, chain and operator run of a file, each with the line it reaches it."""

    depth: tuple[int, int] = (0, 0)       # (value, line)
    chain: tuple[int, int] = (0, 0)
    operators: tuple[int, int] = (0, 0)

    def excess(self) -> tuple[int, str] | None:
        """``(line, message)`` naming the first bound this shape exceeds, or None."""
        for (value, line), bound, what in (
            (self.depth, MAX_DEPTH, "brackets nested {value} deep"),
            (self.chain, MAX_CHAIN, "a chain of {value} trailers (.name, calls, subscripts)"),
            (self.operators, MAX_OPERATORS, "a run of {value} operators"),
        ):
            if value > bound:
                return line, (f"{what.format(value=f'{value:,}')}: beyond the bound of {bound:,} "
                              "devterms parses (too costly for the parser)")
        return None

    def is_plain(self) -> bool:
        """Whether the file is ordinary enough to parse in the analysing process itself."""
        return (self.depth[0] <= PLAIN_DEPTH and self.chain[0] <= PLAIN_CHAIN
                and self.operators[0] <= PLAIN_OPERATORS)


class _Level:
    """What the tokens at one bracket depth have built up so far."""

    __slots__ = ("chain", "operators", "after_atom", "after_dot")

    def __init__(self) -> None:
        self.chain = self.operators = 0
        self.after_atom = self.after_dot = False


def measure(text: str) -> Shape | None:
    """The :class:`Shape` of ``text``; None if the tokenizer rejects it (the parser will say why)."""
    levels = [_Level()]
    depth = chain = operators = (0, 0)
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            kind, string, line = token.type, token.string, token.start[0]
            if kind in _IGNORED:
                continue
            level = levels[-1]
            if kind == tokenize.OP and string in _CLOSERS:
                if len(levels) > 1:
                    levels.pop()
                levels[-1].after_atom, levels[-1].after_dot = True, False
                continue
            trailer = (kind == tokenize.OP and (string == "." or (string in "([" and level.after_atom))) \
                or (kind == tokenize.NAME and level.after_dot)
            if trailer:
                if not level.after_dot:
                    level.chain += 1
                    if level.chain > chain[0]:
                        chain = (level.chain, line)
            elif kind in (tokenize.OP, tokenize.NAME) and string in _OPERATORS:
                level.chain = 0
                level.operators += 1
                if level.operators > operators[0]:
                    operators = (level.operators, line)
            elif kind not in _ATOM_ENDS or keyword.iskeyword(string) or not level.after_atom:
                level.chain = 0
                if kind not in _ATOM_ENDS or keyword.iskeyword(string):  # , = NEWLINE def: a run ends
                    level.operators = 0
            level.after_dot = kind == tokenize.OP and string == "."
            level.after_atom = kind in _ATOM_ENDS and not (kind == tokenize.NAME and keyword.iskeyword(string))
            if kind == tokenize.OP and string in _OPENERS:
                level.after_atom = False
                levels.append(_Level())
                if len(levels) - 1 > depth[0]:
                    depth = (len(levels) - 1, line)
    except (tokenize.TokenError, SyntaxError):  # IndentationError is a SyntaxError
        return None
    return Shape(depth, chain, operators)
