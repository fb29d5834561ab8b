"""Project root and file discovery: markers, skipped folders, .gitignore, exclude globs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from frontend_helpers import write_tree

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


def test_in_a_git_repo_git_decides_what_is_ignored(tmp_path: Path) -> None:
    write_tree(tmp_path, {**TREE, ".gitignore": "migrations/\n"})
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    found = names(tmp_path, project_files(tmp_path))
    assert "migrations/0001.py" not in found and "generated/i.py" in found
    assert "venv/lib/d.py" not in found and "myenv/e.py" not in found and ".hidden/c.py" not in found


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
