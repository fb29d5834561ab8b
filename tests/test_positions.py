"""The lean position pass agrees with libcst's PositionProvider on every node."""

from __future__ import annotations

import sysconfig
from pathlib import Path

import libcst as cst
import pytest
from libcst.metadata import MetadataWrapper, PositionProvider

from devterms.engine.positions import node_ranges

STDLIB = Path(sysconfig.get_paths()["stdlib"])
SAMPLES = ["typing.py", "argparse.py", "asyncio/tasks.py", "dataclasses.py"]
EXAMPLES = sorted((Path(__file__).parent / "examples").rglob("*.py"))[:10]


@pytest.mark.parametrize("path", [STDLIB / s for s in SAMPLES if (STDLIB / s).exists()] + EXAMPLES,
                         ids=lambda p: p.name)
def test_node_ranges_match_position_provider(path: Path) -> None:
    module = cst.parse_module(path.read_text(encoding="utf-8"))
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    got = node_ranges(module)
    expected = {n: w for n, w in expected.items() if n is not module}
    assert len(got) == len(expected)
    for node, where in expected.items():
        assert got[node] == ((where.start.line, where.start.column), (where.end.line, where.end.column)), node
    some = set(range(0, len(module.body), 3))  # only some statements: the same answers for them
    partial = node_ranges(module, some)
    assert partial and all(partial[n] == got[n] for n in partial)
    assert all(n in partial for i in some for n in [module.body[i]])


def test_odd_syntax_is_located_too() -> None:
    source = ("@decorator(1)\nasync def f(a, /, *b, c=2, **d) -> int:\n    async with x as (y, z):\n"
              "        return [i async for i in y if i] + f'{a!r:>{b}}'\n\nmatch p:\n    case [1, *r]: pass\n"
              "if (n := 10) > 5: print(n); del n\n")
    module = cst.parse_module(source)
    expected = MetadataWrapper(module, unsafe_skip_copy=True).resolve(PositionProvider)
    got = node_ranges(module)
    assert {n: ((w.start.line, w.start.column), (w.end.line, w.end.column)) for n, w in expected.items() if n is not module} == dict(got)
