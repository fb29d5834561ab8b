"""The map for a terminal (``devterms map``, the default format): one block per platform."""

from __future__ import annotations

from devterms.mapping import Item, MapReport, PlatformMap
from devterms.report import location, printable


def render(report: MapReport) -> str:
    if not report.data_map.platforms:
        lines = ["No platform data is used."]
    else:
        lines = [line for entry in report.data_map.platforms for line in _platform(entry)]
    if report.checked:
        lines += _undeclared(report)
    return "\n".join(printable(line) for line in lines) + "\n"


def _platform(entry: PlatformMap) -> list[str]:
    lines = [f"{entry.name} ({entry.platform})"]
    lines += [f"  governed by: {d.title} <{d.url}>" for d in entry.documents]
    sections = (("sources", entry.sources, False), ("stores", entry.stores, True),
                ("destinations", entry.destinations, True), ("derived", entry.derived, True))
    for title, items, show_kind in sections:
        lines.append(f"  {title}:" + ("" if items else " none"))
        lines += [_item(item, show_kind) for item in items]
    lines.append("  findings:" + ("" if entry.findings else " none"))
    lines += [f"    {location(f)}: {f.code} {f.message}" for f in entry.findings]
    return [*lines, ""]


def _item(item: Item, show_kind: bool) -> str:
    kind = f" [{item.kind}]" if show_kind and item.kind else ""
    via = f" via {', '.join(item.via)}" if item.via else ""
    origin = f" (data from {', '.join(item.sources)})" if item.sources else ""
    return f"    {item.name}{kind}{via} at {', '.join(item.at)}{origin}"


def _undeclared(report: MapReport) -> list[str]:
    if report.declaration is None:
        return ["No declared use (devterms-use.toml or [tool.devterms.use]): nothing to check."]
    lines = [f"{location(f)}: {f.code} {f.message}" for f in report.undeclared]
    count = len(report.undeclared)
    return [*lines, f"{count} use{'' if count == 1 else 's'} not declared in {report.declaration}."
            if count else f"Every use is declared in {report.declaration}."]
