"""The streaming Turtle writer: same graph as build_rdf, each triple once, atomic, bounded memory."""
from __future__ import annotations

import os
import random
import tracemalloc
from collections import Counter

import pyoxigraph as ox
import pytest
import rdflib
from rdflib import RDF, RDFS, Literal, URIRef
from rdflib import namespace as ns
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from sopgraph.errors import OutputError
from sopgraph.export import turtle_stream
from sopgraph.export.ntriples import SortedLines, nt_line
from sopgraph.export.turtle_stream import TurtleSpool
from sopgraph.graph import GraphSource
from sopgraph.namespace import SG
from sopgraph.stats import most_specific_class_counts

EX = "https://w3id.org/sopgraph/id/"


def _write(parts, path, **options):
    with TurtleSpool(path, **options) as spool:
        for part in parts:
            spool.add(part)
        return spool.commit()


def _parsed(path) -> rdflib.Graph:
    """The file read by both parsers, which must agree."""
    g = rdflib.Graph().parse(path, format="turtle")
    assert len(list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))) == len(g)
    return g


def _assert_same(expected: rdflib.Graph, actual: rdflib.Graph) -> None:
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        pytest.fail(f"missing {sorted(only_expected)[:5]}; unexpected {sorted(only_actual)[:5]}")


@pytest.mark.parametrize("options", [{}, {"min_confidence": 0.9}, {"base_iri": "urn:sopgraph:"}],
                         ids=["default", "min-confidence", "base-iri"])
@pytest.mark.parametrize("run_chars", [16_000_000, 20_000], ids=["one-run", "many-runs"])
def test_streamed_turtle_is_the_graph_of_build_rdf(examples_build, tmp_path, options, run_chars):
    built = examples_build[0].source
    source = GraphSource(built.extractions, built.resolution, topic_scheme=built.topic_scheme,
                         build_info=built.build_info, **{"base_iri": built.base_iri, **options})
    summary = _write(source.parts(), tmp_path / "graph.ttl", run_chars=run_chars)
    expected = source.graph()
    _assert_same(expected, _parsed(tmp_path / "graph.ttl"))
    assert summary.triples == len(expected)
    assert summary.classes == most_specific_class_counts(expected)
    assert summary.properties == Counter(str(p) for _, p, _ in expected)


def test_a_triple_in_several_parts_is_written_once(tmp_path):
    fact = (URIRef(EX + "person/ada"), SG.studiedAt, URIRef(EX + "org/mit"))
    typed = (URIRef(EX + "person/ada"), RDF.type, SG.Person)
    _write([[fact, typed], [fact], [typed, fact, fact]], tmp_path / "g.ttl", run_chars=10)
    text = (tmp_path / "g.ttl").read_text(encoding="utf-8")
    assert text.count("org/mit>") == 1
    assert set(_parsed(tmp_path / "g.ttl")) == {fact, typed}


def test_the_file_does_not_depend_on_the_order_of_parts(tmp_path):
    triples = [(URIRef(f"{EX}person/p{i % 7}"), RDFS.label, Literal(f"name {i}")) for i in range(50)]
    parts = [triples[i:i + 5] for i in range(0, 50, 5)]
    _write(parts, tmp_path / "a.ttl", run_chars=200)
    _write(reversed(parts), tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


@pytest.mark.parametrize("text", ['quote " backslash \\ end', "two\nlines\r\n", "tab\tnul\x00bell\x07", "café ☃ 𝄞"])
def test_any_literal_text_round_trips(tmp_path, text):
    triple = (URIRef(EX + "paper/x"), RDFS.label, Literal(text))
    dated = (URIRef(EX + "paper/x"), SG.year, Literal("2020", datatype=ns.XSD.gYear))
    tagged = (URIRef(EX + "paper/x"), RDFS.comment, Literal(text, lang="en"))
    _write([[triple, dated, tagged]], tmp_path / "g.ttl")
    assert set(_parsed(tmp_path / "g.ttl")) == {triple, dated, tagged}


@pytest.mark.parametrize("run_chars", [1, 50, 10_000])
@pytest.mark.parametrize("fan_in", [2, 64])
def test_sorted_lines_gives_every_line_once_in_order(tmp_path, monkeypatch, run_chars, fan_in):
    monkeypatch.setattr(SortedLines, "FAN_IN", fan_in)
    rng = random.Random(5)
    lines = [f"line {rng.randrange(300)} ü\n" for _ in range(1000)]
    spool = SortedLines(tmp_path, ".g.", run_chars=run_chars)
    for line in lines:
        spool.add(line)
    assert list(spool.unique()) == sorted(set(lines))
    spool.close()
    assert os.listdir(tmp_path) == []


def test_a_failed_write_leaves_the_previous_file_and_no_temporaries(tmp_path, monkeypatch):
    path = tmp_path / "graph.ttl"
    path.write_text("previous", encoding="utf-8")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(turtle_stream.ox, "serialize", fail)
    with pytest.raises(OutputError, match="graph.ttl.*No space left"):
        _write([[(URIRef(EX + "a"), RDFS.label, Literal("a"))] * 3], path, run_chars=1)
    assert path.read_text(encoding="utf-8") == "previous"
    assert os.listdir(tmp_path) == ["graph.ttl"]


def test_a_successful_write_leaves_only_the_file(tmp_path):
    _write([[(URIRef(EX + "a"), RDFS.label, Literal(str(i)))] for i in range(100)], tmp_path / "graph.ttl", run_chars=10)
    assert os.listdir(tmp_path) == ["graph.ttl"]
    assert oct((tmp_path / "graph.ttl").stat().st_mode & 0o777) == "0o644"


def test_an_iri_no_parser_reads_is_refused(tmp_path):
    with pytest.raises(Exception, match="valid URI|IRI"):
        _write([[(URIRef(EX + "a b"), RDFS.label, Literal("a"))]], tmp_path / "graph.ttl")
    assert os.listdir(tmp_path) == []


def _synthetic_parts(n_parts: int, per_part: int = 100):
    """Parts like a statement's: assertions with evidence, made only when asked for."""
    for i in range(n_parts):
        yield [(URIRef(f"{EX}assertion/{i}-{j}"), SG.evidence, Literal(f"sentence {j} of statement {i} " * 3))
               for j in range(per_part)]


def _peak_python_bytes(n_parts: int, path) -> int:
    tracemalloc.start()
    try:
        _write(_synthetic_parts(n_parts), path, run_chars=200_000)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_graph(tmp_path):
    small = _peak_python_bytes(50, tmp_path / "small.ttl")  # 5,000 triples
    large = _peak_python_bytes(500, tmp_path / "large.ttl")  # 50,000 triples, 4.5 MB of N-Triples
    assert len(list(ox.parse(path=str(tmp_path / "large.ttl"), format=ox.RdfFormat.TURTLE))) == 50_000
    # Holding the large graph would take about 50 MB in rdflib and 7 MB as lines; the
    # spool holds one run (200,000 characters) and one part at a time.
    assert large < 2_000_000 and large < 3 * small, (small, large)


def test_nt_line_is_one_line_of_n_triples():
    line = nt_line((URIRef(EX + "a"), RDFS.label, Literal("x\ny")))
    assert line == f'<{EX}a> <{RDFS.label}> "x\\ny" .\n'
