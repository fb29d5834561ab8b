"""What a call is handed: its callee, receiver and arguments, evaluated into a call site.

The receiver is evaluated once, so that chains of calls stay linear; the arguments a
``functools.partial`` bound come first; an argument or receiver naming a file that holds
platform data carries that data; and a project object handed to a library call hands it every
field it holds.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.protocols import Run
from devterms.engine.scope import Scope
from devterms.engine.sites import CallSite
from devterms.pack.patterns import literal_key
from devterms.values import HOLE, NOTHING, Value, join, merge_traces


def call_site(run: Run, frame: Scope, node: cst.Call) -> CallSite:
    """The call's callee, receiver and arguments, each evaluated once."""
    if isinstance(node.func, cst.Attribute):  # the receiver once: chains stay linear
        receiver = frame.eval(node.func.value)
        callee = run.load_attribute(frame, receiver, node.func.attr.value, node.func)
    else:
        receiver, callee = NOTHING, frame.eval(node.func)
    site = CallSite(node, callee, [], {}, receiver=receiver)
    for arg in node.args:
        value = frame.eval(arg.value)
        site.arg_values.append(value)
        if arg.star:
            site.starred = join(site.starred, value)
        elif arg.keyword is not None:
            site.keywords[arg.keyword.value] = value
        else:
            site.positional.append(value)
    bound = callee.part("partial")
    if bound is not None and bound.parts is not None:
        site.positional[:0] = [v for _, v in bound.parts]
    _read_back(run, frame, site)
    first = node.args[0] if node.args else None
    if first is not None and isinstance(first.value, cst.SimpleString) and not first.star and first.keyword is None:
        text = site.positional[0].text if site.positional else None  # a literal: checked before the pack is asked
        if text is not None and HOLE not in text and any(run.knowledge.keys_factory(p) for p in callee.paths):
            site.key = f"({literal_key(text)})" if literal_key(text) else "()"
    return site


def hand_over_fields(run: Run, site: CallSite) -> None:
    """Project objects given to a library call (``asdict(p)``, ``p.model_dump()``,
    ``requests.post(json=p)``) give it every field they hold."""
    def whole(value: Value) -> Value:
        return join(value, run.fields(value).data_only()) if run.holds_fields(value) else value

    site.receiver = whole(site.receiver)
    site.callee = join(site.callee, site.receiver.data_only()) if site.receiver.tainted else site.callee
    site.positional = [whole(v) for v in site.positional]
    site.keywords = {k: whole(v) for k, v in site.keywords.items()}
    site.starred = whole(site.starred)
    site.arg_values = [*site.positional, *site.keywords.values(), site.starred]


def _read_back(run: Run, frame: Scope, site: CallSite) -> None:
    """An argument or receiver that names a file holding platform data carries that data."""
    persisted = run.persistence
    if not persisted.holds_files():
        return

    def load(value: Value) -> Value:
        traces = persisted.read_file(value.text, lambda note: frame.step(site.node, note))
        if not traces:
            return value
        # joined, yet still naming the file (a join would drop the text: it differs from the read's)
        return Value(value.paths, merge_traces((*value.traces, *traces)), value.text, value.parts)

    site.receiver = load(site.receiver)
    site.positional = [load(v) for v in site.positional]
    site.keywords = {k: load(v) for k, v in site.keywords.items()}
    site.arg_values = [*site.positional, *site.keywords.values(), site.starred]
