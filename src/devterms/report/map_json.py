"""The map as JSON: a versioned document for scripts (``devterms map --format json``).

The shape is a contract, spelled out key by key (README "The map as JSON" documents it):

- ``version`` (1), ``tool`` ("devterms X.Y.Z"), ``declaration`` (the declaration's file, or null);
- ``platforms``: one object per platform whose data the code uses, by id, each with ``id``,
  ``name``, ``documents`` (``id``, ``title``, ``url``: the platform's terms that govern the data),
  ``sources`` (``call``, ``source``: the pack's source id, ``at``), ``stores`` (``name``, ``kind``:
  files, tables or cache, ``sources``: the calls the stored data came from, ``at``),
  ``destinations`` (``host``, ``group``: own-services, platform, third-party, service,
  public-sector or unknown, ``via``: the calls that send, ``sources``, ``at``; a ``service`` is
  a messaging or e-mail service reached through its SDK, and ``host`` is then the pack's output
  id, such as ``slack-messages``), ``derived`` (``category``, ``rule``: the code of the rule
  whose sink it is, or null for benign categories, ``via``, ``sources``, ``at``) and
  ``findings`` (``path``, ``line``, ``column``, ``code``, ``severity``, ``message``);
- ``undeclared``: present with ``--check``, the DT601 findings (same keys plus ``platform``).

``at`` lists ``path:line`` places; lists are sorted; ``?`` names a store or host the code does not
spell out.
"""

from __future__ import annotations

import json
from typing import Any

from devterms import __version__
from devterms.mapping import Item, MapReport, PlatformMap
from devterms.model import Finding

VERSION = 1


def render(report: MapReport) -> str:
    document: dict[str, Any] = {
        "version": VERSION,
        "tool": f"devterms {__version__}",
        "declaration": report.declaration,
        "platforms": [platform_object(p) for p in report.data_map.platforms],
    }
    if report.checked:
        document["undeclared"] = [dict(_finding(f), platform=f.platform) for f in report.undeclared]
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def platform_object(entry: PlatformMap) -> dict[str, Any]:
    return {
        "id": entry.platform,
        "name": entry.name,
        "documents": [{"id": d.id, "title": d.title, "url": d.url} for d in entry.documents],
        "sources": [{"call": i.name, "source": i.kind, "at": list(i.at)} for i in entry.sources],
        "stores": [{"name": i.name, "kind": i.kind, "sources": list(i.sources), "at": list(i.at)}
                   for i in entry.stores],
        "destinations": [_named("host", i, group=i.kind) for i in entry.destinations],
        "derived": [_named("category", i, rule=i.kind or None) for i in entry.derived],
        "findings": [_finding(f) for f in entry.findings],
    }


def _named(key: str, item: Item, **kind: Any) -> dict[str, Any]:
    return {key: item.name, **kind, "via": list(item.via), "sources": list(item.sources), "at": list(item.at)}


def _finding(finding: Finding) -> dict[str, Any]:
    return {"path": finding.path, "line": finding.line, "column": finding.column + 1, "code": finding.code,
            "severity": finding.severity, "message": finding.message}
