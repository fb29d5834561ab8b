"""The HTML report as a reviewer sees it: rendered by a real headless Chromium.

Needs Debian's ``chromium`` (``.ci/run`` installs it). The page is loaded from disk with the
network disabled; the rendered DOM must show every finding, and a screenshot is kept as an
artefact under ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--proxy-server=127.0.0.1:9", "--window-size=1280,1600"]

pytestmark = [pytest.mark.slow,  # starts a browser
              pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")]


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],  # type: ignore[list-item]
                          capture_output=True, text=True, timeout=120)


def test_report_renders_every_finding_in_chromium(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    run = subprocess.run([sys.executable, "-m", "devterms", "check", "--no-cache", "--format", "html",
                          "--output", str(report), "examples/"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    dom = _chromium(tmp_path, "--dump-dom", report.as_uri()).stdout
    assert dom.count("DT101") >= 2 and "DT201" in dom
    assert "clearview_pipeline/scrape.py" in dom and "tips.example-agency.gov" in dom
    assert "docs.x.com/developer-terms/agreement" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "report.png"
    _chromium(tmp_path, f"--screenshot={shot}", report.as_uri())
    assert shot.is_file() and shot.stat().st_size > 10_000


def test_map_renders_its_flow_diagram_in_chromium(tmp_path: Path) -> None:
    page = tmp_path / "map.html"
    run = subprocess.run([sys.executable, "-m", "devterms", "map", "--no-cache", "--format", "html",
                          "--output", str(page), "examples/"], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert dom.count('class="column"') == 3
    assert "Collected by" in dom and "Stored in" in dom and "Sent to, derived" in dom
    assert "tweepy.Client.search_recent_tweets" in dom and "tips.example-agency.gov" in dom
    assert "face-identification" in dom and "DT101" in dom
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "map.png"
    _chromium(tmp_path, f"--screenshot={shot}", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 10_000
