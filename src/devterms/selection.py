"""Which codes are reported: select / extend-select / ignore / per-path-ignores.

The engine returns findings of every rule; deciding what the user wants to see is one small
pure function here, shared by the CLI and the flake8 plugin, so both agree.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

@dataclass(frozen=True, slots=True)
class Selection:
    """``select`` replaces the default set; ``extend_select`` adds; ``ignore`` removes.

    When a code matches both sides, the longer (more specific) match wins, as in flake8. A prefix
    such as ``DT1`` only selects rules that are enabled by default; a rule that is off by default
    (DT102) must be named in full.
    """

    select: tuple[str, ...] | None
    extend_select: tuple[str, ...]
    ignore: tuple[str, ...]
    per_path_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        """Every code or prefix this selection names."""
        per_path = tuple(c for _, codes in self.per_path_ignores for c in codes)
        return (*(self.select or ()), *self.extend_select, *self.ignore, *per_path)

    def enabled(self, code: str, enabled_by_default: bool) -> bool:
        chosen = _longest(code, self.extend_select + (self.select or ()), enabled_by_default)
        ignored = _longest(code, self.ignore, True)
        if chosen < 0:
            return self.select is None and enabled_by_default and ignored < 0
        return chosen > ignored  # a tie goes to ignore

    def enabled_codes(self, defaults: Mapping[str, bool]) -> frozenset[str]:
        """The enabled codes among ``defaults`` (code -> enabled by default)."""
        return frozenset(code for code, default in defaults.items() if self.enabled(code, default))

    def ignored_at(self, code: str, path: str) -> bool:
        """Whether a per-path-ignores glob matching ``path`` (root- or cwd-relative) covers ``code``."""
        return any(
            fnmatch.fnmatchcase(path, glob) and any(code.startswith(c) for c in codes)
            for glob, codes in self.per_path_ignores
        )


def unknown_codes(codes: Iterable[str], known: Iterable[str]) -> list[str]:
    """The codes or prefixes among ``codes`` that name no code in ``known`` (a typo: DT999)."""
    known = tuple(known)
    return sorted({c for c in codes if not any(k.startswith(c) for k in known)})


def _longest(code: str, patterns: Sequence[str], prefixes_allowed: bool) -> int:
    """Length of the longest pattern matching ``code``; -1 when none does."""
    lengths = [
        len(p) for p in patterns
        if p == code or (prefixes_allowed and code.startswith(p))
    ]
    return max(lengths, default=-1)
