"""Where the annotated examples are: one-file examples, multi-file projects and the bundled demo."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
EXAMPLES = TESTS / "examples"
PROJECTS = TESTS / "projects"
DEMO = REPO / "examples"


def example_files() -> list[Path]:
    return sorted(p for p in EXAMPLES.rglob("*.py") if "__pycache__" not in p.parts)


def project_dirs() -> list[Path]:
    if not PROJECTS.is_dir():
        return []
    return sorted(p for p in PROJECTS.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def project_files(folder: Path) -> list[Path]:
    return sorted(p.resolve() for p in folder.rglob("*.py") if "__pycache__" not in p.parts)
