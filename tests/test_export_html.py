"""Tests for the self-contained interactive HTML export."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
import rdflib.namespace as rdfns
from rdflib.namespace import SKOS

from sopgraph.errors import OutputError
from sopgraph.export import html as html_module
from sopgraph.export.html import write_html
from sopgraph.namespace import DEFAULT_BASE_IRI, ONTOLOGY_IRI, SG

EVIL = "<img src=x onerror=alert(1)></script>"


def _iri(name: str) -> URIRef:
    return URIRef(DEFAULT_BASE_IRI + name)


def _entity(g: Graph, name: str, label: str, *classes: URIRef) -> URIRef:
    node = _iri(name)
    for cls in classes:
        g.add((node, RDF.type, cls))
    g.add((node, RDFS.label, Literal(label)))
    return node


def _sample_graph(applicant_label: str = "Jane Doe") -> Graph:
    """Statement by an applicant who studied at a university and wrote a paper at a venue."""
    g = Graph()
    st = _entity(g, "statement/jane", "SOP: jane.txt", SG.Statement)
    jane = _entity(g, "person/jane", applicant_label, SG.Applicant, SG.Person)
    mit = _entity(g, "org/mit", "MIT", SG.University, SG.Organization)
    g.add((mit, SKOS.altLabel, Literal("Massachusetts Institute of Technology")))
    paper = _entity(g, "paper/p1", "Graphs & Things", SG.Paper)
    g.add((paper, SG.year, Literal("2021", datatype=rdfns.XSD.gYear)))
    venue = _entity(g, "venue/neurips", "NeurIPS", SG.Venue)
    topic = _entity(g, "topic/ml", "machine learning", SG.Topic)
    g.add((st, SG.author, jane))
    for entity in (jane, mit, paper, venue, topic):
        g.add((st, SG.mentions, entity))  # must not be drawn
    g.add((jane, SG.studiedAt, mit))
    g.add((jane, SG.authorOf, paper))
    g.add((paper, SG.publishedIn, venue))
    g.add((jane, SG.interestedIn, topic))
    g.add((st, SG.sourceFile, Literal("jane.txt")))  # literal: never a node or edge
    g.add((jane, SG.homepage, URIRef("https://example.org/jane")))  # untyped: not a node
    return g


class _Page(HTMLParser):
    """Collects every start tag's attributes and each <script> element's text."""

    def __init__(self) -> None:
        super().__init__()
        self.attrs: list[tuple[str, str, str | None]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: list | None = None

    def handle_starttag(self, tag, attrs):
        self.attrs.extend((tag, k, v) for k, v in attrs)
        if tag == "script":
            self._script = [dict(attrs), ""]

    def handle_data(self, data):
        if self._script is not None:
            self._script[1] += data

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script[0], self._script[1]))
            self._script = None


def _parse(path: Path) -> tuple[_Page, dict]:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    data = [text for attrs, text in page.scripts if attrs.get("id") == "sg-data"]
    assert len(data) == 1
    return page, json.loads(data[0])


def _expected_counts(g: Graph) -> tuple[int, int]:
    """Nodes = SG-typed subjects; edges = SG properties between two of them, minus mentions."""
    sg_classes = {SG[n] for n in ("Statement", "Person", "Applicant", "Organization", "University",
                                  "Company", "ResearchGroup", "Paper", "Venue", "Topic", "Program")}
    entities = {s for s, o in g.subject_objects(RDF.type) if o in sg_classes}
    edges = [
        (s, p, o) for s, p, o in g
        if s in entities and o in entities and str(p).startswith(ONTOLOGY_IRI) and p != SG.mentions
    ]
    return len(entities), len(edges)


@pytest.fixture
def page_path(tmp_path: Path) -> Path:
    path = tmp_path / "graph.html"
    write_html(_sample_graph(), path, title="Test graph")
    return path


def test_writes_file_with_no_remote_references(page_path: Path) -> None:
    assert page_path.is_file()
    page, _ = _parse(page_path)
    remote = [(t, k, v) for t, k, v in page.attrs
              if k in ("src", "href") and v and re.match(r"\s*(https?:)?//", v)]
    assert remote == []
    # Also catch attributes the lenient parser may not see (e.g. inside malformed markup).
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*https?://""", page_path.read_text(), re.I)


def test_vis_network_is_inlined(page_path: Path) -> None:
    page, _ = _parse(page_path)
    assert all("src" not in attrs for attrs, _ in page.scripts)
    inline_js = "".join(text for attrs, text in page.scripts if not attrs)
    assert "vis-network" in inline_js and "Network" in inline_js and len(inline_js) > 100_000
    assert ".vis-network" in page_path.read_text()  # the inlined CSS
    # Physics is switched off once the layout has settled.
    assert 'once("stabilizationIterationsDone"' in inline_js and "physics: false" in inline_js


def test_node_and_edge_counts_match_graph(page_path: Path) -> None:
    _, data = _parse(page_path)
    assert (len(data["nodes"]), len(data["edges"])) == _expected_counts(_sample_graph()) == (6, 5)
    assert "mentions" not in {e["label"] for e in data["edges"]}
    assert {e["label"] for e in data["edges"]} == {
        "author", "studiedAt", "authorOf", "publishedIn", "interestedIn"}


@pytest.mark.parametrize(
    ("label", "group", "shape"),
    [
        ("Jane Doe", "Applicant", "star"),  # Applicant beats Person
        ("MIT", "University", "hexagon"),  # University beats Organization
        ("Graphs & Things", "Paper", "diamond"),
        ("NeurIPS", "Venue", "database"),
        ("machine learning", "Topic", "ellipse"),
        ("SOP: jane.txt", "Statement", "text"),
    ],
)
def test_most_specific_class_styles_node(page_path: Path, label: str, group: str, shape: str) -> None:
    _, data = _parse(page_path)
    (node,) = [n for n in data["nodes"] if n["label"] == label]
    assert node["group"] == group and node["shape"] == shape
    assert data["options"]["groups"][group]["shape"] == shape
    assert node["title"].splitlines()[:2] == [label, f"Class: {group}"]


def test_class_colours_and_shapes_are_distinct(page_path: Path) -> None:
    _, data = _parse(page_path)
    groups = data["options"]["groups"]
    assert len({g["color"] for g in groups.values()}) == len(groups) == 11
    assert len({g["shape"] for g in groups.values()}) == len(groups)


def test_tooltips_carry_alt_labels_and_year(page_path: Path) -> None:
    _, data = _parse(page_path)
    titles = {n["label"]: n["title"] for n in data["nodes"]}
    assert "Also known as: Massachusetts Institute of Technology" in titles["MIT"]
    assert "Year: 2021" in titles["Graphs & Things"]
    assert "2021" not in {n["label"] for n in data["nodes"]}  # literals are not nodes


def test_node_size_grows_with_degree(page_path: Path) -> None:
    _, data = _parse(page_path)
    size = {n["label"]: n["size"] for n in data["nodes"]}
    # Jane: 4 links; the paper: 2. Shapes drawn around their label (the venue's database)
    # keep one size, since their size follows the label anyway.
    assert size["Jane Doe"] > size["Graphs & Things"]
    inside = {n["size"] for n in data["nodes"] if n["shape"] in ("box", "ellipse", "database", "text")}
    assert len(inside) == 1


def test_legend_lists_each_class_present(page_path: Path) -> None:
    page, _ = _parse(page_path)
    legend = {v for t, k, v in page.attrs if t == "li" and k == "data-class"}
    assert legend == {"Applicant", "University", "Paper", "Venue", "Topic", "Statement"}
    assert 'id="sg-legend"' in page_path.read_text()


@pytest.mark.parametrize("where", ["label", "altLabel", "title"])
def test_hostile_text_is_escaped(tmp_path: Path, where: str) -> None:
    g = _sample_graph(EVIL if where == "label" else "Jane Doe")
    if where == "altLabel":
        g.add((_iri("org/mit"), SKOS.altLabel, Literal(EVIL)))
    path = tmp_path / "evil.html"
    write_html(g, path, title=EVIL if where == "title" else "sopgraph")
    text = path.read_text(encoding="utf-8")
    assert EVIL not in text
    assert "<img" not in text
    page, data = _parse(path)
    assert "img" not in {t for t, _, _ in page.attrs}
    # The text survives intact once the JSON is decoded (where the browser will show it).
    if where != "title":
        assert any(EVIL in n["title"] for n in data["nodes"])


def test_output_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_html(_sample_graph(), first)
    # Same triples, inserted in reverse order, into a fresh graph.
    reordered = Graph()
    for triple in reversed(sorted(_sample_graph())):
        reordered.add(triple)
    write_html(reordered, second)
    assert first.read_bytes() == second.read_bytes()


@pytest.mark.parametrize("write_chars", [3, 1 << 20])
def test_the_file_is_the_rendered_page_however_it_is_sliced(tmp_path: Path, monkeypatch, write_chars) -> None:
    # write_html writes the page a slice at a time; the bytes must be those of the page.
    monkeypatch.setattr(html_module, "_WRITE_CHARS", write_chars)
    g = _sample_graph("Zoë Ñúñez ☃ 𝄞")
    write_html(g, tmp_path / "page.html", title="Café ☃")
    expected = html_module.render_html(g, title="Café ☃").encode("utf-8")
    assert (tmp_path / "page.html").read_bytes() == expected


_WRITE_IN_SUBPROCESS = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from test_export_html import _sample_graph
from sopgraph.export.html import write_html
write_html(_sample_graph(), Path(sys.argv[1]))
"""


def test_output_is_deterministic_across_hash_seeds(tmp_path: Path) -> None:
    # Set iteration order of rdflib terms follows str hashing, which is salted per process.
    outputs = []
    for seed in ("1", "2", "3"):
        out = tmp_path / f"seed{seed}.html"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", _WRITE_IN_SUBPROCESS, str(out), str(Path(__file__).parent)],
                       env=env, check=True)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_overwrites_atomically_without_leftovers(tmp_path: Path) -> None:
    path = tmp_path / "graph.html"
    path.write_text("old")
    write_html(_sample_graph(), path)
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html"]


def test_empty_graph_renders(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    write_html(Graph(), path)
    _, data = _parse(path)
    assert data["nodes"] == [] and data["edges"] == []


@pytest.mark.parametrize("make_target", [
    lambda tmp: tmp / "missing-dir" / "graph.html",  # parent does not exist
    lambda tmp: tmp,  # a directory, not a file
])
def test_unwritable_path_raises_output_error(tmp_path: Path, make_target) -> None:
    target = make_target(tmp_path)
    with pytest.raises(OutputError, match=re.escape(str(target))):
        write_html(_sample_graph(), target)
    assert not any(p.name.endswith(".tmp") for p in tmp_path.rglob("*"))


@pytest.mark.parametrize("sink", ["innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                                  "new Function"])
def test_page_scripts_use_no_html_sinks(page_path: Path, sink: str) -> None:
    # Document text is only ever shown through textContent; neither our script nor the
    # inlined vis-network may parse strings as HTML or code.
    page, _ = _parse(page_path)
    code = [text for attrs, text in page.scripts if attrs.get("type") != "application/json"]
    assert len(code) == 2
    assert all(sink not in text for text in code)


def test_legend_has_a_toggle_per_class(page_path: Path) -> None:
    page, _ = _parse(page_path)
    toggles = [v for t, k, v in page.attrs if t == "input" and k == "value"]
    assert sorted(toggles) == sorted({"Applicant", "University", "Paper", "Venue", "Topic", "Statement"})


def test_focus_note_is_escaped(tmp_path: Path) -> None:
    path = tmp_path / "focus.html"
    write_html(_sample_graph(EVIL), path, focus=EVIL, depth=0)
    text = path.read_text(encoding="utf-8")
    assert "<img" not in text and "Showing 1 of 6 entities" in text
    _, data = _parse(path)
    assert [n["label"] for n in data["nodes"]] == [EVIL]


def test_evidence_is_attached_to_its_edge(tmp_path: Path) -> None:
    g = _sample_graph()
    triple = (_iri("paper/p1"), SG.publishedIn, _iri("venue/neurips"))
    items = [{"sentence": "It appeared at NeurIPS.", "source": "b.txt"}, {"source": "a.txt"}, {"other": "x"}]
    path = tmp_path / "ev.html"
    write_html(g, path, evidence={triple: items})
    _, data = _parse(path)
    with_evidence = [e for e in data["edges"] if "evidence" in e]
    assert [e["label"] for e in with_evidence] == ["publishedIn"]
    assert with_evidence[0]["evidence"] == [{"source": "a.txt"}, {"sentence": "It appeared at NeurIPS.", "source": "b.txt"}]
