"""Defining functions and classes: what running a ``def``, a ``lambda`` or a ``class`` registers.

A function's qualified name says where it was defined (``mod.Class.method``,
``mod.outer.<locals>.inner``); its definition site also gives its kind, its owner class, its
defaults and the body enclosing it (its closure). A method overriding a framework's callback,
or a function a framework's decorator registers, receives platform data in its parameters.
"""

from __future__ import annotations

import libcst as cst

from devterms.engine.binding import defaults_of
from devterms.engine.module import function_kind, function_params
from devterms.engine.objects import ClassInfo, Definitions, FunctionInfo
from devterms.engine.scope import Scope
from devterms.pack.index import Knowledge


def define_function(knowledge: Knowledge, definitions: Definitions, scope: Scope,
                    node: cst.FunctionDef | cst.Lambda, registered_by: list[str] | None = None) -> FunctionInfo:
    """Register the function or lambda ``node`` that ``scope`` defines; ``registered_by``: the
    decorators' paths (a framework that calls it back hands its parameters platform data)."""
    if isinstance(node, cst.Lambda):
        qualname = f"{scope.qualname}.{scope.module.lambda_name(node)}"
    elif scope.function is not None:
        qualname = f"{scope.qualname}.<locals>.{node.name.value}"
    else:
        qualname = f"{scope.qualname}.{node.name.value}"
    owner = scope.class_info if isinstance(node, cst.FunctionDef) else None
    info = FunctionInfo(
        qualname, node, scope.module, function_params(node),
        kind=function_kind(node, owner is not None) if isinstance(node, cst.FunctionDef) else "function",
        class_path=owner.qualname if owner else None, outer=scope,
        top=scope.top,
    )
    overridden = [f"{base}.{node.name.value}" for base in owner.bases] if owner and isinstance(
        node, cst.FunctionDef) else []
    info.callback = knowledge.callback_source([*(registered_by or []), *overridden])
    for param, _kind in defaults_of(node):
        info.defaults[param.name.value] = scope.eval(param.default)  # type: ignore[arg-type]
    return definitions.add_function(info, owner)


def define_class(definitions: Definitions, scope: Scope, node: cst.ClassDef, bases: list[str]) -> ClassInfo:
    """Register the class ``node`` that ``scope`` defines, with its annotated fields."""
    body = list(node.body.body) if isinstance(node.body, cst.IndentedBlock) else []
    fields = [s.body[0].target.value for s in body
              if isinstance(s, cst.SimpleStatementLine) and isinstance(s.body[0], cst.AnnAssign)
              and isinstance(s.body[0].target, cst.Name)]
    return definitions.add_class(ClassInfo(f"{scope.qualname}.{node.name.value}", scope.module,
                                           bases, fields=fields))
