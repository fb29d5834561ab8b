"""Settings a library object declares with a default and hands back as attributes.

``parser.add_argument("--dest", default=URL)`` then ``args = parser.parse_args()`` makes
``args.dest`` the URL when the command line does not name one: the default is all the code can
know, like ``os.environ.get``'s. The declared defaults are kept as parts of the object named by
a local or global variable (``parser``), and the call that returns the settings
(``parse_args``) returns them as the parts of its result, so ``args.dest`` reads its own default
only. A constructor's options are kept the same way (``Instaloader(dirname_pattern=...)``), so
that a method writing where an option says can be followed. Which calls do each is rule-pack
data (propagation kinds ``declares-setting``, ``returns-settings`` and ``keeps-options``).
A part of the object that declares settings for it (an argument group, kind
``shares-settings``) names its owner's variable, and what it declares is kept on the owner.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.scope import Scope
from devterms.engine.sites import CallSite
from devterms.pack.types import Propagation
from devterms.values import MAX_PARTS, Value


def declare(frame: Scope, site: CallSite, entry: Propagation) -> None:
    """Record the setting ``site`` declares, with its default, on the object it is called on."""
    func = site.node.func
    if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name):
        return  # the object has no name here to keep it on
    named = site.arg(entry.name) if entry.name is not None else None
    name = named.text if named is not None and named.text is not None else _option_name(site)
    if not name:
        return
    default = site.arg(entry.default) if entry.default is not None else None
    variable = _owner(frame, func.value.value)
    owner = frame.lookup(variable)
    parts = tuple((k, v) for k, v in owner.parts or () if k != name)
    if len(parts) >= MAX_PARTS:
        return
    kept = Value(text=default.text if default is not None else None)
    frame.bind(variable, Value(owner.paths, owner.traces, owner.text, (*parts, (name, kept))))


def shared(frame: Scope, site: CallSite, result: Value) -> Value:
    """A part of the receiver (an argument group) whose settings are its owner's: the result
    names the variable they are kept on."""
    func = site.node.func
    if not isinstance(func, cst.Attribute) or not isinstance(func.value, cst.Name):
        return result
    return Value(result.paths, result.traces, result.text, ((OWNER, Value(text=_owner(frame, func.value.value))),))


OWNER = "\0owner"  # the part of a settings group naming its owner's variable (no attribute is spelt so)


def _owner(frame: Scope, variable: str) -> str:
    """The variable a group's settings are kept on: its owner's, through nested groups."""
    seen = {variable}
    while (named := frame.lookup(variable).part(OWNER)) is not None and named.text and named.text not in seen:
        variable = named.text
        seen.add(variable)
    return variable


def returned(site: CallSite, result: Value) -> Value:
    """The call's result holding the settings declared on its receiver."""
    if site.receiver.parts is None:
        return result
    return Value(result.paths, result.traces, result.text, site.receiver.parts)


def kept(site: CallSite, result: Value, entry: Propagation) -> Value:
    """A constructed object keeping its options: the keyword arguments, or the elements of the
    dict argument ``entry.options``."""
    given = site.arg(entry.options) if entry.options is not None else None
    options = given.parts if given is not None else tuple(site.keywords.items())
    if not options:
        return result
    return Value(result.paths, result.traces, result.text, options[:MAX_PARTS])


def _option_name(site: CallSite) -> str | None:
    """The attribute an option is stored as, from its flags (argparse's and click's rule): the
    first long flag (``--dry-run``), else the first one, without its dashes and with ``-`` read
    as ``_``; a positional argument's own name."""
    flags = [v.text for v in site.positional if v.text]
    if not flags:
        return None
    long = next((f for f in flags if f.startswith("--")), flags[0])
    name = long.lstrip("-").replace("-", "_")
    return name if name.isidentifier() else None
