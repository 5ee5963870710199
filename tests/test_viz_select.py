"""Tests for choosing what the HTML view draws (--focus/--depth/--max-nodes) and the viz command."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sopgraph.cli import app
from sopgraph.errors import VizError
from sopgraph.export.viz_select import select

from .test_export_html import _parse, _sample_graph


def _chain(n: int) -> tuple[list[dict], list[dict]]:
    """Nodes 0..n-1 in a path 0-1-2-…, plus a hub n linked to every even node."""
    nodes = [{"id": i, "label": f"node {i}", "aliases": [f"alias{i}"], "cls": "Person"} for i in range(n + 1)]
    nodes[n]["label"] = "Hub"
    edges = [{"from": i, "to": i + 1} for i in range(n - 1)]
    edges += [{"from": n, "to": i} for i in range(0, n, 2)]
    return nodes, edges


@pytest.mark.parametrize(("focus", "depth", "expected"), [
    ("node 0", 0, {0}),
    ("node 0", 1, {0, 1, 10}),
    ("NODE 3", 1, {2, 3, 4}),  # case-insensitive; edges followed backwards too
    ("alias3", 1, {2, 3, 4}),  # by alias
    ("Hub", 1, {10, 0, 2, 4, 6, 8}),
    ("node 5", 2, {3, 4, 5, 6, 7, 10}),
])
def test_focus_keeps_the_ego_network(focus: str, depth: int, expected: set[int]) -> None:
    nodes, edges = _chain(10)
    picked = select(nodes, edges, focus=focus, depth=depth)
    assert {n["id"] for n in picked.nodes} == expected
    assert all(e["from"] in expected and e["to"] in expected for e in picked.edges)
    assert len(picked.edges) == sum(1 for e in edges if e["from"] in expected and e["to"] in expected)
    assert picked.note.startswith(f"Showing {len(expected)} of 11 entities")


@pytest.mark.parametrize(("focus", "message"), [
    ("nobody at all", "matches no entity"),
    ("node", "is ambiguous"),
    ("node 11", "did you mean"),
])
def test_unknown_or_ambiguous_focus_raises(focus: str, message: str) -> None:
    nodes, edges = _chain(10)
    with pytest.raises(VizError, match=re.escape(repr(focus)) + ".*" + message):
        select(nodes, edges, focus=focus)


def test_partial_name_of_one_entity_is_enough() -> None:
    nodes, edges = _chain(10)
    assert {n["id"] for n in select(nodes, edges, focus="hu", depth=0).nodes} == {10}


@pytest.mark.parametrize(("max_nodes", "expected"), [
    (1, {10}),  # the hub: 5 links
    (3, {10, 2, 4}),  # then the even chain nodes (3 links each), lowest id first
    (6, {10, 2, 4, 6, 8, 0}),  # node 0 (2 links) beats node 1 (2 links) on id
    (11, set(range(11))),
    (50, set(range(11))),
])
def test_max_nodes_keeps_the_most_connected(max_nodes: int, expected: set[int]) -> None:
    nodes, edges = _chain(10)
    picked = select(nodes, edges, max_nodes=max_nodes)
    assert {n["id"] for n in picked.nodes} == expected
    if max_nodes < 11:
        kept_edges = sum(1 for e in edges if e["from"] in expected and e["to"] in expected)
        assert len(picked.edges) == kept_edges
        assert picked.note == (f"Showing {max_nodes} of 11 entities (the most connected, --max-nodes {max_nodes}): "
                               f"{11 - max_nodes} entities and {len(edges) - kept_edges} links left out.")
    else:
        assert picked.note == ""


@pytest.mark.parametrize(("kwargs", "message"), [({"depth": -1}, "--depth"), ({"max_nodes": 0}, "--max-nodes")])
def test_bad_limits_raise(kwargs: dict, message: str) -> None:
    with pytest.raises(VizError, match=message):
        select(*_chain(3), **kwargs)


@pytest.fixture
def ttl(tmp_path: Path) -> Path:
    path = tmp_path / "g.ttl"
    _sample_graph().serialize(path, format="turtle")
    return path


@pytest.mark.parametrize(("args", "labels"), [
    ([], {"SOP: jane.txt", "Jane Doe", "MIT", "Graphs & Things", "NeurIPS", "machine learning"}),
    (["--focus", "NeurIPS", "--depth", "1"], {"NeurIPS", "Graphs & Things"}),
    (["--focus", "Massachusetts Institute of Technology", "--depth", "1"], {"MIT", "Jane Doe"}),
    (["--max-nodes", "1"], {"Jane Doe"}),
])
def test_viz_command_writes_page(ttl: Path, tmp_path: Path, args: list[str], labels: set[str]) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["viz", str(ttl), "-o", str(out), *args])
    assert result.exit_code == 0, result.output
    assert str(out) in result.output
    _, data = _parse(out)
    assert {n["label"] for n in data["nodes"]} == labels


def test_viz_command_reports_unknown_focus(ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(app, ["viz", str(ttl), "-o", str(out), "--focus", "Hollis Brandtmeier"])
    assert result.exit_code == 1
    assert "Hollis Brandtmeier" in result.output and "matches no entity" in result.output
    assert not out.exists()


def test_viz_command_reports_missing_graph(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["viz", str(tmp_path / "nope.ttl"), "-o", str(tmp_path / "v.html")])
    assert result.exit_code == 1
    assert "nope.ttl" in result.output


def test_page_data_carries_facts_aliases_and_edge_ids(ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    assert CliRunner().invoke(app, ["viz", str(ttl), "-o", str(out)]).exit_code == 0
    _, data = _parse(out)
    by_label = {n["label"]: n for n in data["nodes"]}
    assert by_label["MIT"]["aliases"] == ["Massachusetts Institute of Technology"]
    assert by_label["Graphs & Things"]["facts"] == [["year", "2021"]]
    assert ["sourceFile", "jane.txt"] in by_label["SOP: jane.txt"]["facts"]
    assert ["homepage", "https://example.org/jane"] in by_label["Jane Doe"]["facts"]
    assert len({e["id"] for e in data["edges"]}) == len(data["edges"]) == 5
    assert json.dumps(data).count("evidence") == 0  # no provenance given: no evidence field
