"""Bad input never breaks a build: exit codes, the run report, chunking, property tests."""
from __future__ import annotations

import json

import pyoxigraph
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sopgraph.api import build, write_outputs
from sopgraph.batch import _Worker
from sopgraph.chunking import merge_extractions, split_document, split_text
from sopgraph.cli import app
from sopgraph.graph import IriMinter
from sopgraph.limits import Limits
from sopgraph.model import Document
from sopgraph.report import InputStatus, report_bytes
from sopgraph.resolve import Entity, slugify

from .corpus_factory import statement

runner = CliRunner()
ANY_CHAR = st.characters(codec=None, categories=None)  # surrogates and control characters included


def _write(folder, files):
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.mark.parametrize(
    "files, code",
    [
        ({"a.txt": statement(0)[0].encode(), "b.md": statement(1)[0].encode()}, 0),
        ({"a.txt": statement(0)[0].encode(), "empty.txt": b""}, 1),
        ({"empty.txt": b"", "bin.txt": b"\x00\x01" * 50}, 2),
    ],
)
def test_exit_codes(tmp_path, files, code):
    folder = _write(tmp_path / "in", files)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(folder), "--output", str(out)])
    assert result.exit_code == code, result.output
    if code == 2:
        assert "none of the 2 inputs could be read" in result.output and not out.exists()
    else:
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert [e["status"] for e in report["inputs"]] == ["ok" if n != "empty.txt" else "empty" for n in sorted(files)]


def test_usage_error_is_exit_two(tmp_path):
    assert runner.invoke(app, ["build", str(tmp_path), "--workers", "0"]).exit_code == 2


def test_missing_input_keeps_its_place_in_the_report(tmp_path):
    folder = _write(tmp_path / "in", {"a.txt": statement(0)[0].encode()})
    result = build([tmp_path / "nope.txt", folder])
    assert [(s.path.rsplit("/", 1)[-1], s.status) for s in result.statuses] == [("nope.txt", "unreadable"), ("a.txt", "ok")]


def test_report_is_deterministic_and_validates_statuses():
    statuses = [InputStatus("b.txt", "ok", chunks=1), InputStatus("a.txt", "empty", "file is empty")]
    assert report_bytes(statuses) == report_bytes(list(statuses))
    assert json.loads(report_bytes(statuses))["summary"] == {"inputs": 2, "ok": 1, "empty": 1, "not_text": 0,
                                                             "too_large": 0, "unreadable": 0}
    with pytest.raises(ValueError, match="unknown input status"):
        InputStatus("x", "broken")


def test_a_poisoned_document_fails_alone(tmp_path, monkeypatch):
    folder = _write(tmp_path / "in", {"a.txt": statement(0)[0].encode(), "poison.txt": b"POISON " + statement(1)[0].encode()})
    from sopgraph import extract

    real = extract.Extractor.extract_doc

    def explode(self, document, clean, doc):
        if "POISON" in document.text:
            raise RecursionError("maximum recursion depth exceeded")
        return real(self, document, clean, doc)

    monkeypatch.setattr(extract.Extractor, "extract_doc", explode)
    result = build([folder])
    assert [s.status for s in result.statuses] == ["ok", "unreadable"]
    assert "extraction failed (RecursionError" in result.statuses[1].reason
    assert result.documents == 1


# --- chunking -------------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(ANY_CHAR, max_size=3000), st.integers(min_value=1, max_value=500))
def test_split_text_covers_the_text_exactly(text, size):
    chunks = split_text(text, size)
    assert "".join(c for _, c in chunks) == text
    assert all(len(c) <= size for _, c in chunks)
    assert [o for o, _ in chunks] == [sum(len(c) for _, c in chunks[:i]) for i in range(len(chunks))]


def test_long_documents_are_chunked_with_offsets_kept(tmp_path):
    texts = [statement(i)[0] for i in range(6)]
    long_text = "\n\n".join(texts)
    doc = Document(path=tmp_path / "long.txt", name="long.txt", text=long_text)
    worker = _Worker(None, Limits(chunk_chars=len(long_text) // 5))
    chunks = split_document(doc, worker.limits.chunk_chars)
    assert len(chunks) >= 5
    extractor = worker.extractor()
    parts = [(o, next(iter(extractor.extract_all([c])))) for o, c in chunks]
    merged = merge_extractions(doc, parts)
    assert merged.document is doc and merged.applicant == parts[0][1].applicant
    assert len(merged.mentions) == sum(len(p.mentions) for _, p in parts)
    assert [m.index for m in merged.mentions] == list(range(len(merged.mentions)))
    n = 0
    for offset, part in parts:
        for m in part.mentions:
            shifted = merged.mentions[n]
            n += 1
            assert shifted.label == m.label
            if m.start >= 0:
                assert long_text[shifted.start:shifted.end] == part.document.text[m.start:m.end]
    facts = [(f, o, p) for o, p in parts for f in p.facts]
    assert any(f.start >= 0 for f, _, _ in facts)
    for fact, offset, part in facts:
        shifted = next(m for m in merged.facts if m.evidence == fact.evidence and m.rule == fact.rule
                       and m.predicate == fact.predicate)
        if fact.start >= 0:
            assert long_text[shifted.start:shifted.end] == part.document.text[fact.start:fact.end]
    indices = {m.index for m in merged.mentions} | {-1}
    assert all(f.subject in indices and (isinstance(f.object, str) or f.object in indices) for f in merged.facts)
    # every chunk's schools reach the merged document
    labels = {m.label for m in merged.mentions}
    assert {m.label for _, p in parts for m in p.mentions} == labels


def test_chunked_build_reports_chunks(tmp_path):
    text = "\n\n".join(statement(i)[0] for i in range(4))
    folder = _write(tmp_path / "in", {"long.txt": text.encode()})
    result = build([folder], limits=Limits(chunk_chars=len(text) // 3))
    (status,) = result.statuses
    assert status.status == "ok" and status.chunks >= 3 and status.characters == len(text)


# --- property tests: arbitrary text never breaks a build -------------------------------

@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(ANY_CHAR, max_size=400), raw=st.binary(max_size=300))
def test_arbitrary_input_never_raises_and_output_parses(tmp_path_factory, text, raw):
    folder = tmp_path_factory.mktemp("prop")
    (folder / "text.txt").write_bytes(text.encode("utf-8", "surrogatepass"))
    (folder / "raw.md").write_bytes(raw)
    (folder / "page.html").write_bytes(f"<p>{text}</p>".encode("utf-8", "surrogatepass"))
    (folder / "ok.txt").write_bytes(statement(0)[0].encode() + text.encode("utf-8", "surrogatepass"))
    result = build([folder])
    assert len(result.statuses) == 4
    out = folder / "out"
    write_outputs(result, out)
    data = (out / "graph.ttl").read_bytes()
    assert len(list(pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE))) == len(result.graph)
    assert rdflib.Graph().parse(data=data, format="turtle").isomorphic(result.graph)
    json.loads((out / "report.json").read_text(encoding="utf-8"))


KINDS = st.sampled_from(["person", "organization", "venue", "paper", "topic", "program"])


@settings(max_examples=300, deadline=None)
@given(name=st.text(ANY_CHAR, max_size=200), kind=KINDS)
def test_minted_iris_are_valid_for_any_text(name, kind):
    slug = slugify(name)
    assert slug and all(c in "abcdefghijklmnopqrstuvwxyz0123456789-" for c in slug)
    iri = IriMinter().entity(Entity(key=f"{kind}:{name}", kind=kind))
    pyoxigraph.NamedNode(str(iri))  # raises on an invalid IRI
    pyoxigraph.NamedNode(str(IriMinter().statement(name)))


@settings(max_examples=300, deadline=None)
@given(text=st.text(ANY_CHAR, max_size=200))
def test_read_text_never_holds_surrogates_or_controls(text):
    from sopgraph.formats.text import normalise

    clean = normalise(text)
    assert not any("\ud800" <= c <= "\udfff" or (ord(c) < 32 and c not in "\t\n\f") for c in clean)
    clean.encode("utf-8")


def test_same_inputs_give_byte_identical_outputs(tmp_path):
    folder = _write(tmp_path / "in", {f"s{i}.txt": statement(i)[0].encode() for i in range(3)} | {"e.txt": b""})
    outs = [tmp_path / "a", tmp_path / "b"]
    for out in outs:
        assert runner.invoke(app, ["build", str(folder), "--output", str(out)]).exit_code == 1
    for name in ("graph.ttl", "report.json"):
        assert (outs[0] / name).read_bytes() == (outs[1] / name).read_bytes()


# --- progress bar ---------------------------------------------------------------------

class _Stream:
    def __init__(self, tty: bool):
        self.tty, self.data = tty, []

    def isatty(self):
        return self.tty

    def write(self, s):
        self.data.append(s)

    def flush(self):
        pass


@pytest.mark.parametrize("tty, delay, drawn", [(True, 0.0, True), (False, 0.0, False), (True, 3600.0, False)])
def test_progress_bar_only_on_a_terminal_and_only_when_slow(tty, delay, drawn):
    from sopgraph.cli_progress import ProgressBar

    stream = _Stream(tty)
    with ProgressBar("building", delay=delay, stream=stream) as bar:
        for done in range(1, 4):
            bar(done, 3)
    assert bool("".join(stream.data)) is drawn


def test_document_text_cannot_inject_markup_into_the_html(tmp_path):
    payload = "</script><script>alert('x')</script><img src=x onerror=alert(1)>"
    text = statement(0)[0].replace("Prof. ", f"Prof. {payload} ")
    folder = _write(tmp_path / "in", {"inj.md": text.encode(), "inj2.txt": f"{payload}\n\n{statement(2)[0]}".encode()})
    out = tmp_path / "out"
    assert runner.invoke(app, ["build", str(folder), "--output", str(out)]).exit_code == 0
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert "alert('x')</script>" not in page and "onerror=alert(1)>" not in page
