"""The text a call gives back, as a template whose unknown parts are holes.

Text is what names files, tables and hosts, so it decides where data is stored and where it is
sent: the text methods (``str.format``, ``sep.join``), a lookup's default, and the path, URL and
SQL statement builders of the catalogue all give back the text they build.
"""

from __future__ import annotations

import re

import libcst as cst

from devterms.engine.sites import CallSite
from devterms.pack.index import Knowledge
from devterms.values import HOLE, concat_text, interleave, parent_folder

_FIELDS = re.compile(r"\{[^{}]*\}|%\([^()]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")


def built_text(knowledge: Knowledge, site: CallSite) -> str | None:
    """The string a path/URL builder or ``str.format`` call returns, as a template."""
    func = site.node.func
    method = func.attr.value if isinstance(func, cst.Attribute) else None
    receiver = site.receiver.text
    text_method = knowledge.text_methods.get(method) if method and receiver is not None else None
    if text_method == "fills-template" and receiver:
        return concat_text([format_holes(receiver)])
    if text_method == "joins-text" and receiver is not None and len(site.positional) == 1 \
            and site.positional[0].parts:
        return concat_text(interleave([v.text for _, v in site.positional[0].parts], receiver))
    for path in site.callee.paths or ([""] if method else []):
        lookup = knowledge.default_returner(path, method)
        default = site.arg(lookup.default) if lookup is not None and lookup.default is not None else None
        if default is not None and default.text is not None:
            return default.text
    for path in site.callee.paths:
        builder = knowledge.path_builder(path)
        if builder is not None and builder.kind == "names-current-folder":
            return ""
        if builder is not None and builder.kind == "builds-statement":
            table = site.receiver if builder.receiver else site.arg(builder.name) if builder.name else None
            name = table.text if table is not None else None
            return f"{builder.statement} {name}".strip() if name and HOLE not in name else None
        if builder is not None and builder.folder is not None:  # a fresh temporary file's name
            folder = site.arg(builder.folder)
            return concat_text([folder.text if folder is not None else None, "/", None])
        if builder is None or not (site.positional or builder.receiver):
            continue
        if builder.kind == "takes-folder":
            return parent_folder(site.positional[0].text if site.positional else site.receiver.text)
        separator = builder.separator
        parts: list[str | None] = [site.receiver.text] if builder.receiver and site.receiver.text != "" else []
        for i, value in enumerate(site.positional):
            text = value.text
            if i and _names_below(text, site.positional[0].text):
                parts = []  # os.walk/glob already gave a full path below the folder
            elif i and text is not None and text.endswith("/" + HOLE):
                text = HOLE  # a name listed in another folder, joined onto this one (a copy)
            if text != "":  # os.path.join("", "a") is "a" (the current folder)
                parts.extend(([separator] if parts else []) + [text])
        return concat_text(parts) if parts else ""
    return None


def format_holes(text: str) -> str:
    """``str.format`` fields and printf-style ``%(name)s`` fields as unknown parts."""
    return _FIELDS.sub(HOLE, text)


def _names_below(text: str | None, folder: str | None) -> bool:
    """Whether ``text`` is already a full path below ``folder`` (what ``os.walk`` or ``glob`` gave)."""
    if not text or not folder:
        return False
    prefix = folder.split(HOLE, 1)[0].rstrip("/")
    return bool(prefix) and text.startswith(prefix + "/")

