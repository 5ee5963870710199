"""The library's build and write_outputs: the outputs are streamed, never made from the whole graph."""
from __future__ import annotations

import os

import pytest

from sopgraph.api import BuildResult, write_outputs
from sopgraph.graph import GraphSource

from .conftest import EXAMPLES


def _fresh(result: BuildResult) -> BuildResult:
    """The same build, with no graph made and no counts taken yet."""
    return BuildResult(source=result.source, extractions=result.extractions, failures=result.failures,
                       statuses=result.statuses)


def test_write_outputs_never_makes_the_whole_graph(examples_build, tmp_path, monkeypatch):
    result, out = examples_build

    def refuse(*args, **kwargs):
        raise AssertionError("the whole graph was made")

    monkeypatch.setattr(GraphSource, "graph", refuse)
    monkeypatch.setattr("sopgraph.graph.build_rdf", refuse)
    fresh = _fresh(result)
    (tmp_path / ".graph.ttl.left-by-a-killed-run.tmp").write_text("x", encoding="utf-8")
    write_outputs(fresh, tmp_path)
    assert "graph" not in vars(fresh)  # the cached graph was never made
    for name in ("graph.ttl", "graph.html", "report.json"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["graph.html", "graph.ttl", "report.json"]
    # The summary line's numbers come from what was written.
    assert fresh.triples > 1000 and fresh.entity_counts()["Applicant"] == 4
    assert fresh.relation_counts()["author"] == 5


@pytest.mark.parametrize("count", ["triples", "entity_counts", "relation_counts"])
def test_counts_taken_while_writing_are_the_counts_of_the_graph(examples_build, tmp_path, count):
    written = _fresh(examples_build[0])
    write_outputs(written, tmp_path)
    in_memory = _fresh(examples_build[0])
    assert written.summary is not None and in_memory.summary is None

    def value(result):
        attribute = getattr(result, count)
        return attribute() if callable(attribute) else attribute

    assert value(written) == value(in_memory)
    assert "graph" in vars(in_memory) and "graph" not in vars(written)


def test_the_graph_of_a_build_is_made_on_first_use_only(examples_build):
    result = _fresh(examples_build[0])
    assert "graph" not in vars(result)
    assert result.graph is result.graph and len(result.graph) == examples_build[0].triples
    assert result.documents == len(list(EXAMPLES.glob("*.txt"))) + len(list(EXAMPLES.glob("*.md")))
