"""The poison corpus: 200 inputs, some of them hostile, in one build (issue 7 acceptance).

Every good file's facts must be in the graph — checked the strongest way: the graph of the
whole corpus, built with two workers, is byte-identical to the graph of the good files
alone built with one — and every bad file must have its own status and reason.
"""
from __future__ import annotations

import json
import shutil

import pyoxigraph
import pytest
import rdflib
from typer.testing import CliRunner

from sopgraph.api import build, write_outputs
from sopgraph.cli import app
from sopgraph.namespace import SG

from .corpus_factory import docx_bytes, html_page, pdf_bytes, statement, zip_bomb_bytes

GOOD = 184
BAD = {
    "bad-empty.txt": (b"", "empty"),
    "bad-blank.md": (b"\n \n\t", "empty"),
    "bad-binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not_text"),
    "bad-controls.txt": (bytes(range(1, 32)) * 40, "not_text"),
    "bad-huge.txt": (None, "too_large"),  # 3 million characters, generated below
    "bad-bomb.docx": (None, "too_large"),
    "bad-fake.docx": (b"PK\x03\x04 this is not a zip", "not_text"),
    "bad-truncated.pdf": (None, "unreadable"),
    "bad-loop.pdf": (None, "unreadable"),
    "bad-image.pdf": (b"GIF89a" + bytes(300), "not_text"),
    "bad-lone-surrogate.txt": (("ab" * 60).encode("utf-16-le") + b"\x00\xdc", "unreadable"),
    "bad-scanned.pdf": (pdf_bytes([]), "empty"),
    "bad-empty.html": (b"<html><head><script>alert(1)</script></head><body> </body></html>", "empty"),
    "bad-nul.md": (b"text\x00with\x00nuls" * 20, "not_text"),
    "bad-zero.docx": (b"", "empty"),
    "bad-empty.docx": (docx_bytes([""]), "empty"),
}
MAX_CHARS = 2_000_000  # the 3-million-character file must be refused under this configured limit


def _good_file(i: int) -> tuple[str, bytes]:
    text, _, _ = statement(i)
    kind = i % 23
    if kind == 0:
        return f"good-{i:03}.pdf", pdf_bytes(text.splitlines())
    if kind == 1:
        return f"good-{i:03}.docx", docx_bytes(text.split("\n\n"))
    if kind in (2, 3):
        return f"good-{i:03}.html", html_page(text).encode("utf-8")
    if kind in (4, 5):
        return f"good-{i:03}.txt", text.encode("utf-16")
    if kind in (6, 7):
        return f"good-{i:03}.txt", text.replace("Computer Science", "Computer Science — café").encode("cp1252")
    if kind == 8:
        return f"good-{i:03}.md", b"\xef\xbb\xbf" + text.encode("utf-8")
    return f"good-{i:03}.{'md' if i % 2 else 'txt'}", text.encode("utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("poison") / "in"
    folder.mkdir()
    for i in range(GOOD):
        name, data = _good_file(i)
        (folder / name).write_bytes(data)
    generated = {
        "bad-huge.txt": ("I am applying to Stanford University. " * 80_000)[:3_000_000].encode("utf-8"),
        "bad-bomb.docx": zip_bomb_bytes(150_000_000),
        "bad-truncated.pdf": pdf_bytes(statement(0)[0].splitlines())[:350],
        "bad-loop.pdf": pdf_bytes(statement(0)[0].splitlines(), loop=True),
    }
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data if data is not None else generated[name])
    assert len(list(folder.iterdir())) == 200
    return folder


@pytest.fixture(scope="module")
def poisoned_run(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("poison-out")
    result = CliRunner().invoke(app, ["build", str(corpus), "--output", str(out), "--workers", "2",
                                      "--max-chars", str(MAX_CHARS)])
    return result, out


def test_exit_code_is_one_and_each_bad_file_has_one_stderr_line(poisoned_run):
    result, _ = poisoned_run
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("sopgraph: cannot read")]
    assert len(errors) == len(BAD)
    for name, (_, status) in BAD.items():
        (line,) = [line for line in errors if f"/{name}:" in line]
        assert f": {status}: " in line


def test_report_has_exactly_one_status_per_input(poisoned_run, corpus):
    _, out = poisoned_run
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    entries = {e["path"].rsplit("/", 1)[-1]: e for e in report["inputs"]}
    assert len(report["inputs"]) == len(entries) == 200
    assert report["summary"]["ok"] == GOOD and report["summary"]["inputs"] == 200
    for name, (_, status) in BAD.items():
        assert entries[name]["status"] == status, entries[name]
        assert entries[name]["reason"], entries[name]
    for name, entry in entries.items():
        if name.startswith("good-"):
            assert entry["status"] == "ok" and entry["reason"] == "" and entry["chunks"] == 1, entry
    assert {entries[n]["encoding"] for n in entries if n.startswith("good-")} >= {"utf-8", "utf-16", "cp1252",
                                                                                   "utf-8-sig", "pdf", "docx"}
    assert "3000000 characters" in entries["bad-huge.txt"]["reason"]


def test_good_files_give_the_same_graph_as_without_the_poison(poisoned_run, corpus, tmp_path):
    _, out = poisoned_run
    clean = tmp_path / "clean"
    shutil.copytree(corpus, clean)
    for name in BAD:
        (clean / name).unlink()
    # Statement IRIs come from the file path, so build the clean copy under the same path.
    backup = tmp_path / "poisoned"
    corpus.rename(backup)
    clean.rename(corpus)
    try:
        result = build([corpus], workers=1)
        assert not result.failures
        write_outputs(result, tmp_path / "clean-out")
    finally:
        corpus.rename(clean)
        backup.rename(corpus)
    assert (out / "graph.ttl").read_bytes() == (tmp_path / "clean-out" / "graph.ttl").read_bytes()


def test_every_good_file_is_a_statement_with_an_author(poisoned_run):
    _, out = poisoned_run
    g = rdflib.Graph().parse(out / "graph.ttl")
    sources = {str(o) for o in g.objects(None, SG.sourceFile)}
    assert sources == {_good_file(i)[0] for i in range(GOOD)}
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    names = {statement(i)[1] for i in range(GOOD)}
    assert len(names & labels) >= 0.9 * len(names)  # applicant detection is the extractor's job, not ours


def test_outputs_reparse_with_pyoxigraph_to_the_same_triples(poisoned_run):
    _, out = poisoned_run
    data = (out / "graph.ttl").read_bytes()
    ox = list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(ox) == len(rdflib.Graph().parse(data=data, format="turtle")) > 0
    assert not list(out.glob(".*.tmp"))
