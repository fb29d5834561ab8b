"""The declared use of platform data, and the uses it does not name (DT601).

A team declares, per platform, the purposes (derived categories), stores and destinations its
code has, in ``devterms-use.toml`` at the project root or in ``[tool.devterms.use]`` of
``pyproject.toml`` (the same tables: one per platform id, and an optional ``own-hosts`` list of
the project's own services)::

    own-hosts = ["api.example.org"]

    [x]
    description = "Counts mentions of our account for a daily post."
    purposes = ["counts"]
    stores = ["mentions", "cache/*.json"]
    destinations = ["api.example.org"]

``devterms map --check`` reports each use the declaration does not cover as DT601: a derived
category not among ``purposes``, a store no ``stores`` pattern matches (``*`` matches anything),
a host no ``destinations`` pattern matches (a host or ``*.`` and a suffix), and every use of a
platform the declaration does not name. ``?`` declares a store or host whose name the code does
not spell out. DT601 exists only where a declaration does.
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from devterms.config import read_toml
from devterms.mapping import DataMap, host_group, mapped_uses
from devterms.model import Finding, Use
from devterms.pack.patterns import PatternError, host_matches, validate_host_pattern
from devterms.pack.types import RulePack
from devterms.errors import InputError

FILE_NAME = "devterms-use.toml"
TABLE = "[tool.devterms.use]"
CODE = "DT601"
LISTS = ("purposes", "stores", "destinations")
OWN_HOSTS = "own-hosts"


@dataclass(frozen=True, slots=True)
class Declared:
    """What one platform's data is declared to be used for, kept in and sent to."""

    purposes: tuple[str, ...] = ()
    stores: tuple[str, ...] = ()
    destinations: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class Declaration:
    file: Path
    platforms: Mapping[str, Declared]
    own_hosts: tuple[str, ...] = ()

    @property
    def where(self) -> str:
        return self.file.name if self.file.name == FILE_NAME else f"{self.file.name} {TABLE}"

    def covers(self, use: Use) -> bool:
        declared = self.platforms.get(use.platform)
        if declared is None:
            return False
        if use.kind == "derive":
            return use.name in declared.purposes
        if use.kind == "store":
            return any(fnmatch.fnmatchcase(use.name, p) for p in declared.stores)
        if use.kind == "send":
            return any(use.name == p or (use.name != "?" and host_matches(use.name, p)) for p in declared.destinations)
        return True  # a source of a declared platform: collecting is what the declaration is about


def find_declaration(root: Path, table: Mapping[str, Any] | None, config_file: Path | None,
                     pack: RulePack) -> Declaration | None:
    """The project's declaration: ``devterms-use.toml`` or the configuration's ``use`` table."""
    path = root / FILE_NAME
    if path.is_file():
        if table is not None:
            raise InputError(str(path), None, None, f"declares the use a second time; {config_file} has {TABLE}: "
                                "keep one")
        return parse_declaration(read_toml(path), path, pack)
    if table is not None:
        return parse_declaration(table, config_file or root / "pyproject.toml", pack)
    return None


def parse_declaration(table: Mapping[str, Any], file: Path, pack: RulePack) -> Declaration:
    where = TABLE if file.name != FILE_NAME else None
    platforms: dict[str, Declared] = {}
    own_hosts: tuple[str, ...] = ()
    for key, value in table.items():
        if key == OWN_HOSTS:
            own_hosts = _hosts(_strings(file, where, key, value), file, where, key)
            continue
        if key not in pack.platforms:
            raise InputError(str(file), where, key, f"is not a platform; expected {OWN_HOSTS} or one of "
                                f"{', '.join(sorted(pack.platforms))}")
        if not isinstance(value, dict):
            raise InputError(str(file), where, key, "must be a table of purposes, stores and destinations")
        unknown = sorted(set(value) - {*LISTS, "description"})
        if unknown:
            raise InputError(str(file), where, f"{key}.{unknown[0]}",
                                f"is not a key; expected description, {', '.join(LISTS)}")
        lists = {k: _strings(file, where, f"{key}.{k}", value.get(k, [])) for k in LISTS}
        _hosts(tuple(h for h in lists["destinations"] if h != "?"), file, where, f"{key}.destinations")
        description = value.get("description", "")
        if not isinstance(description, str):
            raise InputError(str(file), where, f"{key}.description", "must be a string")
        platforms[key] = Declared(lists["purposes"], lists["stores"], lists["destinations"], description)
    return Declaration(file, platforms, own_hosts)


def undeclared(declaration: Declaration, uses: Iterable[Use], pack: RulePack, severity: str) -> list[Finding]:
    """A DT601 finding at each use the declaration does not cover."""
    found = []
    for use in mapped_uses(pack, uses):
        if declaration.covers(use):
            continue
        platform = pack.platforms[use.platform].name
        if use.platform not in declaration.platforms:
            what = f"is collected by {use.name}" if use.kind == "source" else _doing(use, pack, declaration)
            message = f"{platform} data {what}, but {declaration.where} declares no use of {platform}"
        else:
            message = f"{platform} data {_doing(use, pack, declaration)}, which {declaration.where} does not declare"
        found.append(Finding(use.path, use.line, use.column, CODE, message, severity, use.platform,
                             "undeclared-use", (), ()))
    unique = {(f.path, f.line, f.column, f.message): f for f in found}
    return sorted(unique.values(), key=Finding.sort_key)


def _doing(use: Use, pack: RulePack, declaration: Declaration) -> str:
    if use.kind == "store":
        return f"is stored in {use.name} ({use.detail})"
    if use.kind == "send":
        return f"is sent to {use.name} ({host_group(pack, use.name, declaration.own_hosts)})"
    return f"is used for {use.name} by {use.detail}"


def draft(data_map: DataMap, own_hosts: Iterable[str] = ()) -> str:
    """A declaration of what the code does today, as the text of ``devterms-use.toml``."""
    lines = ["# The declared use of platform data: what the code collects each platform's data for, where it",
             "# keeps it and where it sends it. Drafted by `devterms map --write-declaration` from the code as",
             "# it was; review it, then `devterms map --check` reports each new use as DT601.", ""]
    own = sorted(set(own_hosts))
    if own:
        lines += [f"{OWN_HOSTS} = {_toml_list(own)}", ""]
    for entry in data_map.platforms:
        lines += [f"[{entry.platform}]",
                  f"description = {_toml_string('What ' + entry.name + ' data is used for (edit me).')}",
                  f"purposes = {_toml_list(sorted({d.name for d in entry.derived}))}",
                  f"stores = {_toml_list(sorted({s.name for s in entry.stores}))}",
                  f"destinations = {_toml_list(sorted({d.name for d in entry.destinations}))}", ""]
    return "\n".join(lines)


def _toml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a TOML basic string


def _toml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"


def _strings(file: Path, where: str | None, key: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise InputError(str(file), where, key, "must be a list of non-empty strings")
    return tuple(value)


def _hosts(hosts: tuple[str, ...], file: Path, where: str | None, key: str) -> tuple[str, ...]:
    for host in hosts:
        try:
            validate_host_pattern(host)
        except PatternError as exc:
            raise InputError(str(file), where, key, str(exc)) from None
    return hosts
