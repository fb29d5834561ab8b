"""README.md is the contract with a new user: its commands, table and snippets must stay true."""

from __future__ import annotations

import re
from pathlib import Path

from devterms.config import load_config
from devterms.project import build_pack
from devterms.pack.load import load_default_pack
from devterms.pack.table import BEGIN, END, rule_table

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _fenced(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", README, re.S)


def test_rule_table_is_generated_from_the_pack() -> None:
    pack = load_default_pack()
    current = README[README.index(BEGIN): README.index(END) + len(END)]
    assert current == rule_table(pack, [*pack.tool_rules.values(), *pack.rules.values()]), (
        "README's rule table is stale: paste the output of `devterms rules --markdown`")


def test_rule_pages_are_generated_from_the_pack() -> None:
    from devterms.ruledocs import pages

    pack = load_default_pack()
    expected = pages(pack, [*pack.tool_rules.values(), *pack.rules.values()])
    folder = ROOT / "docs" / "rules"
    current = {p.name: p.read_text(encoding="utf-8") for p in folder.glob("*.md")}
    assert current == expected, "docs/rules/ is stale: run `devterms rules --docs docs/rules`"


def test_ci_runs_the_two_readme_commands() -> None:
    install, tests = (block.strip() for block in _fenced("sh")[:2])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install.startswith("python3 -m venv") and "devterms check examples/" in install
    assert install in ci, "the install command in .ci/run differs from README.md"
    assert tests == "python -m pytest" and tests in ci.splitlines()


def _toml(first_line: str) -> str:
    (snippet,) = [block for block in _fenced("toml") if block.startswith(first_line)]
    return snippet


def test_configuration_snippet_loads(tmp_path: Path) -> None:
    snippet = _toml("[tool.devterms]")
    (tmp_path / "pyproject.toml").write_text(snippet, encoding="utf-8")
    config = load_config(tmp_path)
    assert config.extend_select == ("DT102",) and config.allow_hosts
    (tmp_path / "devterms-rules").mkdir()
    pack = build_pack(config, [])
    assert any(source.id == "acme-scraper" for source in pack.sources)


def test_docs_present_no_placeholder_index_install_tag_or_address_as_real() -> None:
    for doc in [ROOT / "README.md", *(ROOT / "docs").glob("*.md")]:
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"pip install ['\"]?devterms(\[\w+\])?['\"]?(\s|$)(?!@)", text, re.M), doc  # not on an index
        assert "v0.1.0" not in text and "github.com/devterms" not in text and "OWNER/" not in text, doc


def test_declared_use_example_reports_what_readme_shows(tmp_path: Path, capsys) -> None:
    """The worked example of `devterms map --check`: README's declaration on the annotated
    project of tests/declared/, and the DT601 lines README prints."""
    import shutil

    from devterms.cli import main

    project = tmp_path / "dashboard"
    shutil.copytree(ROOT / "tests" / "declared" / "declared_dashboard", project)
    (project / "pyproject.toml").write_text('[project]\nname = "dashboard"\nversion = "1.0"\n', encoding="utf-8")
    (project / "devterms-use.toml").write_text(_toml("# devterms-use.toml"), encoding="utf-8")
    assert main(["map", "--check", "--no-cache", str(project)]) == 1
    out = capsys.readouterr().out
    shown = README.split("`devterms map --check` (in CI) says so, at each call:", 1)[1]
    (lines,) = re.findall(r"```text\n(.*?)```", shown, re.S)[:1]
    for line in lines.strip().splitlines():
        assert line.split(": ", 1)[-1] in out, line


def test_module_map_names_every_module() -> None:
    """README's Development section names every module of the package, so a reader can find each one."""
    development = README.split("## Development", 1)[1]
    package = ROOT / "src" / "devterms"
    modules = [p.name for folder in (package, package / "report", package / "pack") for p in folder.glob("*.py")]
    missing = sorted(m for m in modules if m != "__init__.py" and f"`{m}`" not in development)
    assert not missing, f"README's module map does not name {missing}"


def test_engine_docstring_names_every_engine_module() -> None:
    """``engine/__init__.py`` is the engine's map: it names each of its modules in its layer."""
    import devterms.engine

    engine = ROOT / "src" / "devterms" / "engine"
    doc = devterms.engine.__doc__ or ""
    missing = sorted(p.stem for p in engine.glob("*.py") if p.stem != "__init__" and f":mod:`.{p.stem}`" not in doc)
    assert not missing, f"engine/__init__.py does not name {missing}"


def test_rule_pack_counts_are_the_packs() -> None:
    pack = load_default_pack()
    section = README.split("## The rule pack", 1)[1].split("\n## ", 1)[0]
    counts = {
        "platforms": len(pack.platforms), "clauses": len(pack.clauses),
        "`clause_gaps` statements": len(pack.clause_gaps), "source entries": len(pack.sources),
        "call patterns": sum(len(s.calls) for s in pack.sources),
        "hosts": len({h for s in pack.sources for h in pack.expand_hosts(s.hosts)}),
        "sink entries": len(pack.sinks), "aliases": len(pack.aliases),
    }
    wrong = {what: n for what, n in counts.items() if f"{n:,} {what}" not in " ".join(section.split())}
    assert not wrong, f"README's rule-pack counts are stale; the pack has {wrong}"
