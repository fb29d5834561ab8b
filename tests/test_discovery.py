"""Project root and file discovery: markers, skipped folders, .gitignore, exclude globs."""

from __future__ import annotations

import os
from pathlib import Path

from harness.frontends import write_tree

from devterms.discovery import files_under, find_root, is_excluded, project_files

TREE = {
    "pyproject.toml": "",
    "pkg/__init__.py": "", "pkg/a.py": "", "pkg/sub/b.py": "", "pkg/notes.txt": "",
    ".hidden/c.py": "", "venv/lib/d.py": "", "myenv/pyvenv.cfg": "", "myenv/e.py": "",
    "node_modules/f.py": "", "build/g.py": "", "lib/site-packages/h.py": "",
    "generated/i.py": "", "migrations/0001.py": "",
    ".gitignore": "generated/\n# comment\n*.tmp.py\n",
    "pkg/x.tmp.py": "",
}


def names(root: Path, files: list[Path]) -> list[str]:
    return [f.relative_to(root).as_posix() for f in files]


def test_root_is_the_nearest_marker_folder(tmp_path: Path) -> None:
    write_tree(tmp_path, {"proj/setup.cfg": "", "proj/src/pkg/m.py": ""})
    assert find_root(tmp_path / "proj" / "src" / "pkg" / "m.py") == (tmp_path / "proj").resolve()
    write_tree(tmp_path, {"proj/src/pyproject.toml": ""})
    assert find_root(tmp_path / "proj" / "src" / "pkg") == (tmp_path / "proj" / "src").resolve()


def test_without_git_skips_tool_folders_and_honours_gitignore(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    found = names(tmp_path, project_files(tmp_path))
    assert found == ["migrations/0001.py", "pkg/__init__.py", "pkg/a.py", "pkg/sub/b.py"]


def test_gitignore_rules_follow_git_at_every_level(tmp_path: Path) -> None:
    """Nested .gitignore files, negations and .git/info/exclude, read without running git."""
    write_tree(tmp_path, {
        **TREE, ".gitignore": "migrations/\n*.gen.py\n!keep.gen.py\n",
        "pkg/.gitignore": "sub/\n", "pkg/keep.gen.py": "", "pkg/drop.gen.py": "",
        ".git/info/exclude": "local_*.py\n", "local_notes.py": "", "generated/i.py": "",
    })
    found = names(tmp_path, project_files(tmp_path))
    assert found == ["generated/i.py", "pkg/__init__.py", "pkg/a.py", "pkg/keep.gen.py", "pkg/x.tmp.py"]


def test_links_are_followed_only_inside_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    write_tree(tmp_path, {"proj/pyproject.toml": "", "proj/real.py": "", "outside/secret.py": ""})
    root = tmp_path / "proj"
    (root / "inner.py").symlink_to(root / "real.py")
    (root / "escape.py").symlink_to(outside / "secret.py")
    (root / "linked_dir").symlink_to(outside, target_is_directory=True)
    (root / "loop.py").symlink_to(root / "loop.py")
    os.mkfifo(root / "fifo.py")
    assert names(root, project_files(root)) == ["inner.py", "real.py"]


def test_exclude_globs_match_folders_paths_and_names(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    found = names(tmp_path, project_files(tmp_path, ["migrations", "pkg/sub/*", "__init__.py"]))
    assert found == ["pkg/a.py"]
    assert is_excluded(tmp_path / "a" / "b.py", tmp_path, ["a"])
    assert not is_excluded(tmp_path / "ab" / "b.py", tmp_path, ["a"])


def test_files_under_keeps_named_files_and_folder_contents(tmp_path: Path) -> None:
    write_tree(tmp_path, TREE)
    files = project_files(tmp_path)
    chosen = files_under(files, [tmp_path / "pkg" / "sub", tmp_path / "migrations" / "0001.py"])
    assert sorted(names(tmp_path, list(chosen))) == ["migrations/0001.py", "pkg/sub/b.py"]


def test_files_under_is_linear_in_files_and_named_paths(tmp_path: Path) -> None:
    """pre-commit names every changed file: 6,000 x 6,000 must not mean 36 million comparisons."""
    import time

    from devterms.discovery import files_under

    files = [tmp_path / f"pkg{i % 50}" / f"m{i}.py" for i in range(6_000)]
    started = time.perf_counter()
    assert files_under(files, files) == set(files)
    assert files_under(files, [tmp_path / "pkg7"]) == {f for f in files if f.parent.name == "pkg7"}
    assert time.perf_counter() - started < 30  # linear: about a second; the quadratic version took minutes
