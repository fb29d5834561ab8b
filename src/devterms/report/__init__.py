"""Formatters: plain functions from a :class:`Report` to text, one module per format.

A report holds values only (findings, rules, clauses, a reader for code lines), so a formatter
needs no engine, no configuration and no file system beyond reading the lines it quotes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from devterms.model import Diagnostic, Finding, Hop
from devterms.pack.types import Clause, ClauseGap, Rule, RulePack
from devterms.sourcetext import SourceText


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    diagnostics: tuple[Diagnostic, ...]
    rules: Mapping[str, Rule]
    pack: RulePack
    source: SourceText
    suppressed: tuple[Finding, ...] = ()
    files: int = 0
    elapsed: float = 0.0
    show_suppressed: bool = field(default=False)
    named: frozenset[str] | None = None  # the files the user named; None: the whole project
    color: bool = False  # ANSI colours in the terminal formats
    quiet: bool = False  # findings only, no summary line
    root: Path | None = None  # the project root (SARIF URIs are relative to it); None: source.base
    rule_docs_url: str | None = None  # where rule pages are published, with {code}; None: not published

    def elsewhere(self, finding: Finding) -> list[str]:
        """The named files a finding's flow passes through, when the finding lies in another file."""
        if self.named is None or finding.path in self.named:
            return []
        return sorted({hop.path for flow in finding.flows for hop in flow if hop.path in self.named})

    def clauses(self, finding: Finding) -> list[Clause]:
        """The finding's clauses that the pack knows, in the finding's order."""
        return [self.pack.clauses[c] for c in finding.clauses if c in self.pack.clauses]

    def clause_gap(self, finding: Finding) -> ClauseGap | None:
        """For a finding that cites no clause: the pack's statement that its platform's terms have
        none for its rule (the documents read, and when)."""
        rule = self.pack.rules.get(finding.code) or self.rules.get(finding.code)
        if finding.clauses or rule is None:
            return None
        return self.pack.clause_gap(rule, finding.platform)

    def platform_name(self, platform: str) -> str:
        known = self.pack.platforms.get(platform)
        return known.name if known else platform


def hop_role(index: int, count: int) -> str:
    """``source`` for the first hop, ``sink`` for the last (or only) one, ``step`` between."""
    if index == count - 1:
        return "sink"
    return "source" if index == 0 else "step"


def location(hop: Hop | Finding | Diagnostic) -> str:
    """``path:line:col`` with a 1-based column, as compilers and flake8 print it."""
    return f"{hop.path}:{hop.line}:{hop.column + 1}"


def printable(text: str) -> str:
    """``text`` with control characters (and lone surrogates of undecodable file names) escaped.

    File names and code lines come from the analysed tree, which may be hostile: an escape
    sequence in a file name must not rewrite the user's terminal or forge lines of output.
    """
    return _UNPRINTABLE.sub(_escape, text)


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    char = ord(match.group())
    if 0xDC80 <= char <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
        return f"\\x{char - 0xDC00:02x}"
    return f"\\x{char:02x}" if char < 0x100 else f"\\u{char:04x}"


def formatters() -> Mapping[str, Callable[[Report], str]]:
    """Every ``--format``, by name."""
    from devterms.report import github, gitlab, html, json, junit, sarif, text

    return {"text": text.render, "concise": text.render_concise, "json": json.render,
            "sarif": sarif.render, "html": html.render, "github": github.render,
            "gitlab": gitlab.render, "junit": junit.render}
