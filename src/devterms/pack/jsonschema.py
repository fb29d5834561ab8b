"""A JSON Schema of a rule-pack file, so an editor can check a user's pack as it is written.

The schema is not written by hand: it is what the loader reads. Loading the default pack records,
for every entry, which keys the loader asked for and which it required (:class:`~.schema.Entry`),
so the schema's keys are the ones the loader reads in the shipped pack, with the types the pack
gives them (a key the loader reads only for a kind of entry the pack never uses is not in it). It is
shipped as ``rules/pack.schema.json``; a test keeps that file equal to :func:`pack_schema`. The
loader stays the authority (it also checks references, patterns and hosts); the schema catches
unknown sections and keys, missing required keys and wrong types before devterms runs.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from devterms.pack.load import build, default_pack_dir, read_sections
from devterms.pack.schema import Entry

FILE_NAME = "pack.schema.json"
_JSON_TYPES: tuple[tuple[type, str], ...] = (  # bool before int: True is an int in Python
    (bool, "boolean"), (int, "integer"), (float, "number"), (str, "string"), (datetime.date, "string"),
    (list, "array"), (dict, "object"),
)


def pack_schema(folders: Sequence[Path] | None = None) -> dict[str, Any]:
    """The schema of one pack file: sections of entries with the keys the loader reads."""
    sections, version = read_sections(folders or [default_pack_dir()])
    build(sections, version)  # reading every entry records its keys
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "devterms rule pack file",
        "description": "A YAML file of a devterms rule pack (see rules/README.md). Generated from the loader "
                       "by `devterms rules --schema`.",
        "type": "object",
        "additionalProperties": False,
        "properties": {name: _section(entries) for name, entries in sorted(sections.items())},
    }


def schema_text(folders: Sequence[Path] | None = None) -> str:
    return json.dumps(pack_schema(folders), indent=2, sort_keys=True) + "\n"


def _section(entries: list[Entry]) -> dict[str, Any]:
    keys = sorted({key for entry in entries for key in entry.used})
    required = sorted(set.intersection(*(entry.required for entry in entries)))
    return {
        "type": "array",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": required,
            "properties": {key: _types(entry.raw.get(key) for entry in entries) for key in keys},
        },
    }


def _types(values: Any) -> dict[str, Any]:
    """The JSON types the shipped pack gives a key; any type for a key it never sets."""
    seen = sorted({next(name for kind, name in _JSON_TYPES if isinstance(v, kind)) for v in values if v is not None})
    if not seen:
        return {}
    return {"type": seen[0] if len(seen) == 1 else seen}
