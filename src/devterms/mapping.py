"""The platform-data map of a project (``devterms map``): every use of platform data, by platform.

The engine's run records uses (:class:`~devterms.model.Use`) next to its findings: where each
platform's data is collected, stored, sent and what is derived from it. This module only groups
them: per platform, its documents, the source calls, the stores (files, tables, caches), the
destinations (hosts, grouped as own services, platforms, third parties and the public sector),
the derived categories (the rules' sinks and the pack's benign derivations) and the findings.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass

from devterms.model import Finding, Use
from devterms.pack.types import Document, RulePack
from devterms.pack.patterns import host_matches

PUBLIC_SECTOR = "public-sector"  # host groups of rules/host_groups.yaml that name a destination group
OWN_SERVICES = "own-services"
THIRD_PARTY = "third-party"
PLATFORM = "platform"  # a host some platform serves its data from
UNKNOWN = "unknown"  # the request's host is not known from the code
SERVICE = "service"  # a messaging or e-mail service reached through its SDK (the pack's outputs, by id)
GROUPS = (OWN_SERVICES, PLATFORM, THIRD_PARTY, SERVICE, PUBLIC_SECTOR, UNKNOWN)
UNNAMED = "?"  # a store or host whose name the code does not spell out


@dataclass(frozen=True, slots=True)
class Item:
    """One row of a section: ``name`` (a call, store, host or category), its ``kind`` (the
    source id; files, tables or cache; the host group; the rule code or empty), the calls doing
    it (``via``), where the code does it (``at``, ``path:line``) and the source calls the data
    came from (``sources``)."""

    name: str
    kind: str
    via: tuple[str, ...]
    at: tuple[str, ...]
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PlatformMap:
    platform: str
    name: str
    documents: tuple[Document, ...]
    sources: tuple[Item, ...]
    stores: tuple[Item, ...]
    destinations: tuple[Item, ...]
    derived: tuple[Item, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True, slots=True)
class DataMap:
    platforms: tuple[PlatformMap, ...]

    def platform(self, platform: str) -> PlatformMap | None:
        return next((p for p in self.platforms if p.platform == platform), None)


@dataclass(frozen=True, slots=True)
class MapReport:
    """What the map formatters print: the map and, with ``--check``, the DT601 findings of the
    uses the declaration (``declaration``: its file, None when there is none) does not name."""

    data_map: DataMap
    undeclared: tuple[Finding, ...] = ()
    declaration: str | None = None
    checked: bool = False


def build_map(pack: RulePack, uses: Iterable[Use], findings: Iterable[Finding],
              own_hosts: Collection[str] = ()) -> DataMap:
    """Group ``uses`` and ``findings`` by platform; ``own_hosts`` are the project's own services."""
    uses, findings = mapped_uses(pack, uses), list(findings)
    platforms = sorted({u.platform for u in uses} | {f.platform for f in findings if f.platform})
    return DataMap(tuple(_platform_map(pack, p, [u for u in uses if u.platform == p],
                                       [f for f in findings if f.platform == p], own_hosts)
                         for p in platforms if p in pack.platforms))


def mapped_uses(pack: RulePack, uses: Iterable[Use]) -> list[Use]:
    """The uses the map shows.

    A sink category whose sinks are all hosts (the public sector) is where data goes, not what
    is derived from it: its requests are listed as destinations. A request to the data's own
    platform (its API asked about a name it returned) collects, it sends nothing away. A store
    whose name is not known at a call that also names one is that call seen on a path that lost
    the name.
    """
    uses = list(uses)
    categories: dict[str, bool] = {}
    for sink in pack.sinks:
        categories[sink.category] = categories.get(sink.category, True) and bool(sink.hosts)
    own = {p: [h for s in pack.sources if s.platform == p for h in pack.expand_hosts(s.hosts)] for p in pack.platforms}
    named = {(u.platform, u.path, u.line, u.column) for u in uses if u.kind == "store" and u.name != UNNAMED}

    def shown(use: Use) -> bool:
        if use.kind == "derive":
            return not categories.get(use.name, False)
        if use.kind == "send":
            return not any(host_matches(use.name, h) for h in own.get(use.platform, ())) or use.name == UNNAMED
        if use.kind == "store" and use.name == UNNAMED:
            return (use.platform, use.path, use.line, use.column) not in named
        return True

    return [u for u in uses if shown(u)]


def host_group(pack: RulePack, host: str, own_hosts: Collection[str] = ()) -> str:
    """Which group a destination belongs to; the public sector wins over everything."""
    if host == UNNAMED:
        return UNKNOWN
    if any(host == o.id for o in pack.outputs):
        return SERVICE
    if any(host_matches(host, p) for p in pack.host_groups.get(PUBLIC_SECTOR, ())):
        return PUBLIC_SECTOR
    if any(host_matches(host, p) for p in (*pack.host_groups.get(OWN_SERVICES, ()), *own_hosts)):
        return OWN_SERVICES
    if any(host_matches(host, h) for s in pack.sources for h in pack.expand_hosts(s.hosts)):
        return PLATFORM
    return THIRD_PARTY


def _platform_map(pack: RulePack, platform: str, uses: list[Use], findings: list[Finding],
                  own_hosts: Collection[str]) -> PlatformMap:
    known = pack.platforms[platform]

    def rule_code(category: str) -> str:
        rule = pack.rule_for_category(category)
        return rule.code if rule is not None else ""

    sources = _items(u for u in uses if u.kind == "source")
    stores = _items(u for u in uses if u.kind == "store")
    destinations = _items((u for u in uses if u.kind == "send"), via=lambda u: u.detail,
                          kind=lambda u: host_group(pack, u.name, own_hosts))
    derived = _items((u for u in uses if u.kind == "derive"), via=lambda u: u.detail,
                     kind=lambda u: rule_code(u.name))
    return PlatformMap(platform, known.name, known.documents, sources, stores, destinations, derived,
                       tuple(sorted(findings, key=Finding.sort_key)))


def _items(uses: Iterable[Use], via: Callable[[Use], str] | None = None,
           kind: Callable[[Use], str] | None = None) -> tuple[Item, ...]:
    """One item per name (and kind), the calls and places merged, sorted by name."""
    merged: dict[tuple[str, str], tuple[set[str], set[tuple[str, int]], set[str]]] = {}
    for use in uses:
        key = (use.name, kind(use) if kind else use.detail)
        vias, places, sources = merged.setdefault(key, (set(), set(), set()))
        if via is not None:
            vias.add(via(use))
        places.add((use.path, use.line))
        if use.kind != "source":
            sources.add(use.source)
    return tuple(Item(name, k, tuple(sorted(vias)), tuple(f"{p}:{line}" for p, line in sorted(places)),
                      tuple(sorted(sources)))
                 for (name, k), (vias, places, sources) in sorted(merged.items()))


__all__ = ["DataMap", "GROUPS", "Item", "MapReport", "PlatformMap", "build_map", "host_group", "mapped_uses"]
