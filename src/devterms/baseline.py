"""Baselines: accept today's findings, report only new ones.

A fingerprint must survive unrelated edits, so it hashes what identifies a finding, not where
it is: the code, the file, the normalised text of the finding's line and of its source hop's
line. Line numbers are left out, so inserting lines above a finding keeps it baselined. Equal
fingerprints are counted, so a second copy of a baselined line is still reported as new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from devterms.model import Finding
from devterms.schema import RulePackError
from devterms.sourcetext import SourceText, normalise

FORMAT_VERSION = 1


def fingerprint(finding: Finding, source: SourceText) -> str:
    """A stable hex digest of code, path, the finding's line text and the source hop's line text."""
    parts = [finding.code, finding.path, normalise(source.line(finding.path, finding.line))]
    if finding.flow:
        first = finding.flow[0]
        parts += [first.path, normalise(source.line(first.path, first.line)) or first.note]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:32]


def write_baseline(path: Path, findings: Sequence[Finding], source: SourceText) -> None:
    """Write every finding's fingerprint with enough context for a human reading a diff."""
    entries = sorted(
        ({"fingerprint": fingerprint(f, source), "code": f.code, "path": f.path, "message": f.message}
         for f in findings),
        key=lambda e: (e["path"], e["code"], e["fingerprint"]),
    )
    payload = {"version": FORMAT_VERSION, "findings": entries}
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprint counts of a baseline file; a malformed file is a usage error, not an empty one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RulePackError(str(path), None, None, f"cannot be read: {exc.strerror}") from None
    except ValueError as exc:
        raise RulePackError(str(path), None, None, f"is not JSON: {exc}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if not isinstance(entries, list) or data.get("version") != FORMAT_VERSION or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise RulePackError(str(path), None, "findings", "is not a devterms baseline (version 1)")
    return Counter(e["fingerprint"] for e in entries)


def new_findings(findings: Iterable[Finding], known: Counter[str], source: SourceText) -> list[Finding]:
    """The findings not covered by ``known``, each baselined fingerprint absorbing one finding."""
    remaining = Counter(known)
    fresh = []
    for finding in findings:
        key = fingerprint(finding, source)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            fresh.append(finding)
    return fresh
