"""``devterms lsp`` driven over stdio by a minimal JSON-RPC client, as an editor would.

Each test starts ``python -m devterms.lsp`` in a subprocess, writes Content-Length framed
messages to its stdin and reads its stdout on a thread; every wait has a deadline and the
process is killed in the end, so a broken server fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from harness.frontends import POSITIVE, SCRAPE

pytest.importorskip("pygls", reason="devterms lsp needs the lsp extra (pygls)")

TIMEOUT = 60.0  # seconds for any single answer; the first analysis imports libcst and the pack

POSITIVE_ROW = 10  # 0-based: line 11


FACES_SAVED = '''\
from scrape import author_pictures


def count_pictures(query):
    return len(author_pictures(query))
'''

FACES_EDITED = '''\
from io import BytesIO

import face_recognition

from scrape import author_pictures


def encode_faces(query):
    for picture in author_pictures(query):
        image = face_recognition.load_image_file(BytesIO(picture))
        yield face_recognition.face_encodings(image)
'''
FACES_EDITED_ROW = 10


class Client:
    """Just enough of an LSP client: framed JSON-RPC over the server's stdio."""

    def __init__(self, cwd: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "devterms.lsp", "--debounce", "0.05"],
            cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        self.messages: queue.Queue[dict[str, Any]] = queue.Queue()
        self.notifications: list[dict[str, Any]] = []
        self._next_id = 0
        threading.Thread(target=self._read, daemon=True).start()
        self.stderr: list[bytes] = []
        threading.Thread(target=lambda: self.stderr.extend(self.proc.stderr), daemon=True).start()

    def _read(self) -> None:
        stream = self.proc.stdout
        assert stream is not None
        while True:
            headers = {}
            while True:
                line = stream.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.decode("ascii").partition(":")
                headers[name.strip().lower()] = value.strip()
            body = stream.read(int(headers["content-length"]))
            self.messages.put(json.loads(body))

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        assert self.proc.stdin is not None
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict[str, Any] | None) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any] | None) -> Any:
        self._next_id += 1
        ident = self._next_id
        self.send({"id": ident, "method": method, "params": params})
        answer = self.wait(lambda m: m.get("id") == ident and "method" not in m, f"the answer to {method}")
        assert "error" not in answer, answer
        return answer.get("result")

    def wait(self, wanted: Callable[[dict[str, Any]], bool], what: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no {what} within {TIMEOUT}s; stderr:\n" + self.stderr_text())
            try:
                message = self.messages.get(timeout=left)
            except queue.Empty:
                continue
            if "method" in message and "id" in message:  # a request from the server: answer it
                self.send({"id": message["id"], "result": None})
            if "method" in message and "id" not in message:
                self.notifications.append(message)
            if wanted(message):
                return message

    def diagnostics(self, uri: str, accept: Callable[[list[dict[str, Any]]], bool]) -> list[dict[str, Any]]:
        def matches(m: dict[str, Any]) -> bool:
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == uri and accept(m["params"]["diagnostics"]))
        return self.wait(matches, f"publishDiagnostics for {uri}")["params"]["diagnostics"]

    def stderr_text(self) -> str:
        return b"".join(self.stderr).decode("utf-8", "replace")[-4000:]

    def close(self) -> int:
        try:
            self.request("shutdown", None)
            self.notify("exit", None)
            return self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait(timeout=10)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text('[project]\nname = "demo"\nversion = "0"\n', encoding="utf-8")
    return root


@pytest.fixture
def client(project: Path) -> Iterator[Client]:
    client = Client(project)
    try:
        result = client.request("initialize", {
            "processId": None, "rootUri": project.as_uri(), "capabilities": {},
            "workspaceFolders": [{"uri": project.as_uri(), "name": "project"}],
        })
        assert result["serverInfo"]["name"] == "devterms"
        caps = result["capabilities"]
        assert caps["codeActionProvider"]["codeActionKinds"] == ["quickfix"]
        client.notify("initialized", {})
        yield client
    finally:
        if client.proc.poll() is None:
            client.proc.kill()
            client.proc.wait(timeout=10)


def open_document(client: Client, path: Path, text: str, version: int = 1) -> str:
    uri = path.as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "python", "version": version, "text": text}})
    return uri


def change_document(client: Client, uri: str, text: str, version: int) -> None:
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]})


def has_dt101(diagnostics: list[dict[str, Any]]) -> bool:
    return any(d.get("code") == "DT101" for d in diagnostics)


def test_open_publishes_dt101_with_flow_and_noqa_quick_fix(client: Client, project: Path) -> None:
    path = project / "collect.py"
    path.write_text(POSITIVE, encoding="utf-8")
    uri = open_document(client, path, POSITIVE)

    diagnostics = client.diagnostics(uri, has_dt101)
    (dt101,) = [d for d in diagnostics if d["code"] == "DT101"]
    assert dt101["source"] == "devterms"
    assert dt101["severity"] == 1  # the pack's DT101 is an error
    assert dt101["range"]["start"] == {"line": POSITIVE_ROW, "character": 16}
    assert dt101["range"]["end"] == {"line": POSITIVE_ROW, "character": 16 + len("face_recognition.face_encodings")}
    assert "face_recognition.face_encodings" in dt101["message"]
    assert dt101["codeDescription"]["href"].startswith("https://")
    hops = dt101["relatedInformation"]
    assert len(hops) >= 3
    assert all(h["location"]["uri"] == uri for h in hops)
    assert hops[0]["location"]["range"]["start"]["line"] == 5  # the search_recent_tweets call
    assert "search_recent_tweets" in hops[0]["message"]
    assert hops[-1]["location"]["range"]["start"]["line"] == POSITIVE_ROW
    assert all(h["message"] for h in hops)

    line = POSITIVE.splitlines()[POSITIVE_ROW]
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": dt101["range"], "context": {"diagnostics": [dt101]}})
    (action,) = actions
    assert action["kind"] == "quickfix"
    assert "DT101" in action["title"]
    (edit,) = action["edit"]["changes"][uri]
    end = {"line": POSITIVE_ROW, "character": len(line)}
    assert edit == {"range": {"start": end, "end": end}, "newText": "  # noqa: DT101 <reason>"}

    # applying the fix (as the editor would) silences the finding
    lines = POSITIVE.splitlines(keepends=True)
    lines[POSITIVE_ROW] = line + edit["newText"].replace("<reason>", "reviewed by legal") + "\n"
    change_document(client, uri, "".join(lines), 2)
    after = client.diagnostics(uri, lambda ds: not has_dt101(ds))
    assert not [d for d in after if d["code"] in ("DT101", "DT001")]

    assert client.close() == 0


def test_unsaved_buffer_and_cross_file_flow(client: Client, project: Path) -> None:
    (project / "scrape.py").write_text(SCRAPE, encoding="utf-8")
    faces = project / "faces.py"
    faces.write_text(FACES_SAVED, encoding="utf-8")  # on disk: no sink

    uri = open_document(client, faces, FACES_EDITED)  # the buffer has one
    diagnostics = client.diagnostics(uri, has_dt101)
    (dt101,) = [d for d in diagnostics if d["code"] == "DT101"]
    assert dt101["range"]["start"]["line"] == FACES_EDITED_ROW
    hops = dt101["relatedInformation"]
    scrape_uri = (project / "scrape.py").as_uri()
    assert hops[0]["location"]["uri"] == scrape_uri  # the source is in the other, unopened file
    assert hops[0]["location"]["range"]["start"]["line"] == 8
    assert hops[-1]["location"]["uri"] == uri

    change_document(client, uri, FACES_SAVED, 2)  # didChange: debounced re-analysis
    assert client.diagnostics(uri, lambda ds: not has_dt101(ds)) == []

    change_document(client, uri, FACES_EDITED, 3)
    client.diagnostics(uri, has_dt101)
    faces.write_text(FACES_EDITED, encoding="utf-8")
    client.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    client.diagnostics(uri, has_dt101)

    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.diagnostics(uri, lambda ds: True) == []
    assert client.close() == 0


def test_a_buffer_holding_the_source_shows_the_flow_at_the_source(client: Client, project: Path) -> None:
    faces = project / "faces.py"
    faces.write_text(FACES_EDITED, encoding="utf-8")  # the sink, in a file that is not open
    scrape = project / "scrape.py"
    scrape.write_text(SCRAPE, encoding="utf-8")
    uri = open_document(client, scrape, SCRAPE)

    (dt101,) = [d for d in client.diagnostics(uri, has_dt101) if d["code"] == "DT101"]
    assert dt101["range"]["start"]["line"] == 8  # the search_recent_tweets call
    assert f"faces.py:{FACES_EDITED_ROW + 1}" in dt101["message"]
    sink, *hops = dt101["relatedInformation"]
    assert sink["location"]["uri"] == faces.as_uri()
    assert sink["location"]["range"]["start"]["line"] == FACES_EDITED_ROW
    assert hops[0]["location"]["uri"] == uri and hops[-1]["location"]["uri"] == faces.as_uri()
    actions = client.request("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": dt101["range"], "context": {"diagnostics": [dt101]}})
    assert not actions  # a noqa silences a finding at its sink, not here
    assert client.close() == 0


def test_control_characters_in_file_names_are_escaped_in_messages(client: Client, project: Path) -> None:
    (project / "faces\x1b[2J.py").write_text(FACES_EDITED, encoding="utf-8")
    scrape = project / "scrape.py"
    scrape.write_text(SCRAPE, encoding="utf-8")
    uri = open_document(client, scrape, SCRAPE)
    (dt101,) = [d for d in client.diagnostics(uri, has_dt101) if d["code"] == "DT101"]
    assert "\x1b" not in dt101["message"] and "faces\\x1b[2J.py" in dt101["message"]
    assert client.close() == 0


def test_noqa_edit_extends_an_existing_noqa_list_and_avoids_strings() -> None:
    from devterms.lsp import _noqa_line, noqa_edit

    edit = noqa_edit(["x = f(y)  # noqa: E501\n"], 0, "DT101")
    assert edit is not None and edit.new_text == ", DT101"
    assert edit.range.start.character == len("x = f(y)  # noqa: E501")
    assert noqa_edit(["x = f(y)  # noqa: DT101 ok\n"], 0, "DT101") is None
    assert noqa_edit(["x = f(y)  # noqa\n"], 0, "DT101") is None
    text = 'sink(data, """\nline\n""")\nother()\n'
    assert _noqa_line(text, 0) == 2
    assert _noqa_line("x = a + \\\n    b\n", 0) == 1
    assert _noqa_line("x = a\ny = b\n", 0) == 0
