"""Baselines: accept today's findings, report only new ones.

A fingerprint must survive unrelated edits, so it hashes what identifies a finding, not where
it is or how the data got there: the rule, the sink's file and the normalised text of its line
(the sink's location context), and the message, which names the source API, the platform and
the sink API. Line numbers and the text of the other hops are left out, so inserting lines above
a finding, or renaming a variable on the source's line in another file, keeps it baselined.
Equal fingerprints are counted, so a second copy of a baselined line is still reported as new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from devterms.model import Finding
from devterms.errors import InputError
from devterms.sourcetext import SourceText, normalise

FORMAT_VERSION = 2  # 1 hashed the source hop's line text too


def fingerprint(finding: Finding, source: SourceText) -> str:
    """A stable hex digest of the rule, the sink's file and line text, and the message."""
    parts = [finding.code, finding.path, normalise(source.line(finding.path, finding.line)), finding.message]
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def write_baseline(path: Path, findings: Sequence[Finding], source: SourceText) -> None:
    """Write every finding's fingerprint with enough context for a human reading a diff."""
    entries = sorted(
        ({"fingerprint": fingerprint(f, source), "code": f.code, "path": f.path, "message": f.message}
         for f in findings),
        key=lambda e: (e["path"], e["code"], e["fingerprint"]),
    )
    payload = {"version": FORMAT_VERSION, "findings": entries}
    # ASCII: a file name that is not UTF-8 (a lone surrogate here) is kept as a JSON escape
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")


def read_baseline(path: Path) -> Counter[str]:
    """Fingerprint counts of a baseline file; a malformed file is a usage error, not an empty one."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise InputError(str(path), None, None, f"cannot be read: {exc.strerror}") from None
    except ValueError as exc:
        raise InputError(str(path), None, None, f"is not JSON: {exc}") from None
    entries = data.get("findings") if isinstance(data, dict) else None
    if isinstance(data, dict) and data.get("version") == 1:
        raise InputError(str(path), None, "version", "1 is an older baseline format; write it again "
                            "with --write-baseline")
    if not isinstance(entries, list) or data.get("version") != FORMAT_VERSION or not all(
        isinstance(e, dict) and isinstance(e.get("fingerprint"), str) for e in entries
    ):
        raise InputError(str(path), None, "findings", f"is not a devterms baseline (version {FORMAT_VERSION})")
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
