"""Reading the code line at a hop, for reports, fingerprints and noqa.

Findings name files relative to the directory devterms ran from; reporters need the text of
those lines (the HTML page shows it, fingerprints hash it). One small cache avoids reading a file
once per hop, and in-memory overrides (flake8's lines, an editor buffer) win over the disk.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path


class SourceText:
    """File text by displayed path, read lazily; unreadable files read as empty."""

    def __init__(self, base: Path | None = None, overrides: Mapping[Path, str] | None = None) -> None:
        self.base = (base or Path.cwd()).resolve()
        self._overrides = {p.resolve(): t for p, t in (overrides or {}).items()}
        self._cache: dict[str, list[str]] = {}

    def resolve(self, path: str) -> Path:
        return (self.base / path).resolve()

    def text(self, path: str) -> str:
        """The whole text of ``path`` (a displayed path: relative to ``base`` or absolute)."""
        return "\n".join(self.lines(path))

    def lines(self, path: str) -> list[str]:
        if path not in self._cache:
            full = self.resolve(path)
            if full in self._overrides:
                text = self._overrides[full]
            else:
                try:
                    text = full.read_bytes().decode("utf-8", errors="replace")
                except OSError:
                    text = ""
            self._cache[path] = physical_lines(text)
        return self._cache[path]

    def line(self, path: str, number: int) -> str:
        """Line ``number`` (1-based) without its newline; empty when out of range."""
        lines = self.lines(path)
        return lines[number - 1] if 0 < number <= len(lines) else ""


def physical_lines(text: str, keepends: bool = False) -> list[str]:
    """The lines of ``text`` as Python and libcst number them: ended by ``\\n``, ``\\r\\n`` or
    ``\\r`` only (``str.splitlines`` also ends one at a form feed, which old files have on lines
    of their own, and every line after it would be off by one)."""
    lines = _LINE.findall(text)
    return lines if keepends else [line.rstrip("\r\n") for line in lines]


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def normalise(line: str) -> str:
    """A line with whitespace collapsed, so re-indenting or re-spacing keeps fingerprints."""
    return re.sub(r"\s+", " ", line).strip()
