"""The wheel carries the rule pack, and an installed copy runs without the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # builds a wheel and installs it in a new environment

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_the_rule_pack_and_runs_from_an_installed_copy(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("devterms-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    shipped = {n for n in names if n.startswith("devterms/rules/") and n.endswith(".yaml")}
    assert {"devterms/rules/rules.yaml", "devterms/rules/storage.yaml"} <= shipped
    assert len(shipped) == len(list((ROOT / "rules").rglob("*.yaml")))
    assert "devterms/py.typed" in names  # PEP 561: type checkers read devterms' own annotations
    metadata = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in metadata or "License: MIT" in metadata
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert any(n.endswith("licenses/LICENSE") or n.endswith(".dist-info/LICENSE") for n in names)
    assert "Project-URL" not in metadata  # none exist yet; a placeholder would mislead

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
                   check=True, capture_output=True)
    work = tmp_path / "work"
    work.mkdir()
    (work / "scan.py").write_text(
        "import tweepy, face_recognition\n"
        "client = tweepy.Client('t')\n"
        "for user in client.get_users_followers(1).data:\n"
        "    face_recognition.face_encodings(face_recognition.load_image_file(user.profile_image_url))\n")
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run([sys.executable, "-c", "import devterms.pack.load as r; print(r.default_pack_dir())"],
                           cwd=work, env=env, capture_output=True, text=True, check=True)
    assert probe.stdout.strip().startswith(str(site))
    run = subprocess.run([sys.executable, "-m", "devterms", "check", "--no-cache", "scan.py"],
                         cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    assert "scan.py:4:5: DT101" in run.stdout
