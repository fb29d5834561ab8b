"""The pre-commit hook (.pre-commit-hooks.yaml), run by a real pre-commit in a throw-away repo.

The hook repository is this checkout. pre-commit clones it at a commit and ``pip install``s it
into a fresh virtualenv, so the first test needs PyPI (libcst, hatchling, ...) and takes a minute;
the environment is then shared by the module's tests (one PRE_COMMIT_HOME). A checkout with
uncommitted or untracked files is first copied into a snapshot repository and committed there,
because pre-commit only installs committed trees (``try-repo`` adds modified tracked files, but
not untracked ones such as a new ``.pre-commit-hooks.yaml``).

Skipped only when the ``pre-commit`` executable is missing (it is in the ``test`` extra).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from harness.frontends import POSITIVE, SCRAPE

CHECKOUT = Path(__file__).resolve().parents[1]
SETUP_TIMEOUT = 900  # the first run builds the hook's virtualenv from PyPI
RUN_TIMEOUT = 300


def _pre_commit() -> str | None:
    beside = Path(sys.executable).with_name("pre-commit")
    return str(beside) if beside.is_file() else shutil.which("pre-commit")


PRE_COMMIT = _pre_commit()
pytestmark = [pytest.mark.slow,  # builds the hook's environment from PyPI
              pytest.mark.skipif(PRE_COMMIT is None, reason="the pre-commit executable is not installed")]


POSITIVE_LINE = 11

CLEAN = '''\
import collections

import tweepy

client = tweepy.Client(bearer_token="not-a-token")
resp = client.search_recent_tweets(query="#python", max_results=100)
words = collections.Counter(w for tweet in resp.data for w in tweet.text.split())
print(words.most_common(10))
'''

FACES_BEFORE = '''\
from scrape import author_pictures


def count_pictures(query):
    return len(author_pictures(query))
'''

FACES_AFTER = '''\
from io import BytesIO

import face_recognition

from scrape import author_pictures


def count_pictures(query):
    return len(author_pictures(query))


def encode_faces(query):
    for picture in author_pictures(query):
        image = face_recognition.load_image_file(BytesIO(picture))
        yield face_recognition.face_encodings(image)
'''
FACES_AFTER_LINE = 15


def _env(home: Path) -> dict[str, str]:
    """A clean environment: no GIT_* from an enclosing hook, our own pre-commit store."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env["PRE_COMMIT_HOME"] = str(home)
    env["PRE_COMMIT_COLOR"] = "never"
    env.pop("CI", None)
    return env


def _git(cwd: Path, *args: str, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _env(tmp_path_factory.mktemp("pre-commit-home"))


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]) -> tuple[str, str]:
    """(repo, rev) for the config: this checkout at HEAD, or a committed snapshot of its tree."""
    status = _git(CHECKOUT, "status", "--porcelain", "--untracked-files=all", env=env)
    if not status:
        return str(CHECKOUT), _git(CHECKOUT, "rev-parse", "HEAD", env=env)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=CHECKOUT, env=env, capture_output=True, check=True, timeout=120,
    ).stdout.decode("utf-8", "surrogateescape").split("\0")
    snapshot = tmp_path_factory.mktemp("devterms-snapshot")
    for name in filter(None, listed):
        source = CHECKOUT / name
        if source.is_file():
            target = snapshot / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    _git(snapshot, "init", "-q", env=env)
    _git(snapshot, "add", "-A", env=env)
    _git(snapshot, "-c", "user.name=devterms tests", "-c", "user.email=tests@devterms.invalid",
         "-c", "commit.gpgsign=false", "commit", "-q", "-m", "snapshot of the working tree", env=env)
    return str(snapshot), _git(snapshot, "rev-parse", "HEAD", env=env)


def config_text(repo: str, rev: str) -> str:
    """The .pre-commit-config.yaml a user writes (docs/editors.md shows the same)."""
    return (
        "repos:\n"
        f"  - repo: {repo}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        "      - id: devterms\n"
    )


def make_project(root: Path, hook: tuple[str, str], files: dict[str, str], env: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    _git(root, "init", "-q", env=env)
    _git(root, "config", "user.name", "devterms tests", env=env)
    _git(root, "config", "user.email", "tests@devterms.invalid", env=env)
    _git(root, "config", "commit.gpgsign", "false", env=env)
    (root / ".pre-commit-config.yaml").write_text(config_text(*hook), encoding="utf-8")
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    _git(root, "add", "-A", env=env)
    return root


def pre_commit(root: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    assert PRE_COMMIT is not None
    done = subprocess.run([PRE_COMMIT, "run", "devterms", *args], cwd=root, env=env,
                          capture_output=True, text=True, timeout=SETUP_TIMEOUT)
    print(done.stdout, done.stderr, sep="\n")  # shown by pytest when an assertion fails
    return done


def test_hook_fails_on_a_face_recognition_flow(tmp_path: Path, hook_repo: tuple[str, str],
                                               env: dict[str, str]) -> None:
    root = make_project(tmp_path / "project", hook_repo, {"collect.py": POSITIVE}, env)
    done = pre_commit(root, env, "--all-files")
    assert done.returncode == 1
    assert "Failed" in done.stdout
    assert f"collect.py:{POSITIVE_LINE}:" in done.stdout
    assert "DT101" in done.stdout
    assert "face_recognition.face_encodings" in done.stdout


def test_hook_passes_on_clean_code(tmp_path: Path, hook_repo: tuple[str, str], env: dict[str, str]) -> None:
    root = make_project(tmp_path / "project", hook_repo, {"wordcount.py": CLEAN}, env)
    done = pre_commit(root, env, "--all-files")
    assert done.returncode == 0, done.stdout
    assert "Passed" in done.stdout
    assert "DT" not in done.stdout.replace("devterms", "")


def test_hook_reports_a_flow_from_an_unchanged_file(tmp_path: Path, hook_repo: tuple[str, str],
                                                    env: dict[str, str]) -> None:
    """A commit that changes faces.py only: pre-commit passes faces.py, the source is in scrape.py."""
    root = make_project(tmp_path / "project", hook_repo,
                        {"scrape.py": SCRAPE, "faces.py": FACES_BEFORE}, env)
    _git(root, "commit", "-q", "-m", "first", env=env)
    (root / "faces.py").write_text(FACES_AFTER, encoding="utf-8")
    _git(root, "add", "faces.py", env=env)

    done = pre_commit(root, env, "--verbose")  # no file arguments: the staged files, i.e. faces.py
    assert done.returncode == 1
    assert f"faces.py:{FACES_AFTER_LINE}:" in done.stdout
    assert "DT101" in done.stdout
    assert "scrape.py:9:" in done.stdout  # the flow starts in the file pre-commit did not pass
    assert not any(line.startswith("scrape.py:") for line in done.stdout.splitlines())


def test_hook_reports_only_the_files_it_is_given(tmp_path: Path, hook_repo: tuple[str, str],
                                                 env: dict[str, str]) -> None:
    root = make_project(tmp_path / "project", hook_repo,
                        {"collect.py": POSITIVE, "wordcount.py": CLEAN}, env)
    done = pre_commit(root, env, "--files", "wordcount.py")
    assert done.returncode == 0, done.stdout
    done = pre_commit(root, env, "--files", "collect.py", "wordcount.py")
    assert done.returncode == 1
    assert f"collect.py:{POSITIVE_LINE}:" in done.stdout


SCRAPE_LOCAL = '''\
"""Pictures from a local folder (no platform data yet)."""
from pathlib import Path


def author_pictures(query):
    return [p.read_bytes() for p in Path("pictures").glob(f"{query}*.jpg")]
'''


def test_hook_reports_a_flow_completed_by_a_change_to_its_source_file(
        tmp_path: Path, hook_repo: tuple[str, str], env: dict[str, str]) -> None:
    """A commit that only turns scrape.py into a tweepy source: the sink in faces.py is unchanged."""
    root = make_project(tmp_path / "project", hook_repo,
                        {"scrape.py": SCRAPE_LOCAL, "faces.py": FACES_AFTER}, env)
    _git(root, "commit", "-q", "-m", "first", env=env)
    (root / "scrape.py").write_text(SCRAPE, encoding="utf-8")
    _git(root, "add", "scrape.py", env=env)

    done = pre_commit(root, env, "--verbose")  # the staged files: scrape.py only
    assert done.returncode == 1
    assert f"faces.py:{FACES_AFTER_LINE}:" in done.stdout and "DT101" in done.stdout
    assert "note    lies in another file; its flow passes through scrape.py" in done.stdout
