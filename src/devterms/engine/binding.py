"""Calls meet definitions: which argument value each parameter of a function receives."""

from __future__ import annotations

import libcst as cst

from devterms.engine.module import parameters
from devterms.engine.objects import FunctionInfo
from devterms.engine.sites import CallSite
from devterms.values import NOTHING, Trace, Value, join, merge_traces


def param_prefix(info: FunctionInfo) -> str:
    """Origins of the traces that stand for ``info``'s parameters in its summary."""
    return f"param:{info.qualname}:"


def part_param(name: str, key: str) -> str:
    """The name that stands for element ``key`` of parameter ``name`` in a summary's traces."""
    return f"{name}[{key}]"


def argument(binding: dict[str, Value], name: str) -> Value:
    """What a caller passed for ``name``: a parameter, or one element of it (``conf[near]``),
    which is the whole argument when the caller's value does not keep that element apart."""
    param, bracket, key = name.partition("[")
    value = binding.get(param, NOTHING)
    if not bracket:
        return value
    part = value.part(key[:-1])
    return part if part is not None else value


def defaults_of(node: cst.FunctionDef | cst.Lambda) -> list[tuple[cst.Param, str]]:
    """Parameters with a default value, and their kinds."""
    return [(p, kind) for p, kind in parameters(node.params) if p.default is not None]


def bind_arguments(info: FunctionInfo, site: CallSite, bound: Value | None) -> dict[str, Value]:
    """Map a call's argument values to the callee's parameter names, as Python would."""
    params = list(info.params)
    binding: dict[str, Value] = {}
    if bound is not None and params and info.kind != "staticmethod":
        binding[params.pop(0).name] = bound
    positional = [p for p in params if p.kind == "positional"]
    for param, value in zip(positional, site.positional):
        binding[param.name] = value
    varargs = next((p for p in params if p.kind == "varargs"), None)
    kwargs = next((p for p in params if p.kind == "kwargs"), None)
    if varargs is not None:
        binding[varargs.name] = join(*site.positional[len(positional):])
    for keyword, value in site.keywords.items():
        named = next((p for p in params if p.name == keyword and p.kind in ("positional", "keyword")), None)
        if named is not None:
            binding[named.name] = value
        elif kwargs is not None:
            binding[kwargs.name] = join(binding.get(kwargs.name, NOTHING), value)
    for param in params:
        if param.name not in binding:
            if site.starred is not NOTHING:
                binding[param.name] = site.starred
            elif param.name in info.defaults:
                binding[param.name] = info.defaults[param.name]
    return binding


def parameter_env(info: FunctionInfo, binding: dict[str, Value]) -> dict[str, Value]:
    """What ``info``'s parameters hold while its body is summarised: a symbolic trace each (a
    dict's elements one each), for callers to substitute, with what ``binding`` already knows."""
    env = {}
    prefix = param_prefix(info)
    for param in info.params:
        known = binding.get(param.name, Value())
        symbolic = Trace(prefix + param.name, "", "", ())
        seeded = known.concrete_traces if info.callback is not None else known.markers
        parts = None if known.parts is None else tuple(  # a dict's elements, each standing for the caller's element
            (k, Value(v.paths, merge_traces((Trace(prefix + part_param(param.name, k), "", "", ()), *v.markers)), v.text))
            for k, v in known.parts)
        env[param.name] = Value(known.paths, merge_traces((symbolic, *seeded)), known.text, parts)
    return env
