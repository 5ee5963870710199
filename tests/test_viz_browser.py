"""The HTML graph view in a real browser: headless Debian Chromium driven by Playwright.

Pages are opened from file:// with every other request aborted. One browser serves the
whole module. Skips (with the reason) when /usr/bin/chromium or playwright is missing.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS

from sopgraph.export.html import write_html
from sopgraph.export.viz_browser import chromium_missing
from sopgraph.namespace import ONTOLOGY_IRI, SG

from .test_export_html import _iri, _sample_graph

pytestmark = pytest.mark.skipif(chromium_missing() is not None, reason=str(chromium_missing()))

RENDERED = "[sopgraph.network.body.nodeIndices.length, sopgraph.network.body.edgeIndices.length]"
HOSTILE_NAMES = ("<img src=x onerror=alert(1)>", "<script>alert(2)</script>", "x\"><svg onload=alert(3)>")


@pytest.fixture(scope="module")
def browser():
    from sopgraph.export.viz_browser import launch

    with launch() as b:
        yield b


@pytest.fixture(scope="module")
def context(browser):
    """One browser context for the module: a new page in it is far cheaper than a context."""
    ctx = browser.new_context()
    yield ctx
    ctx.close()


@pytest.fixture
def open_graph(context, tmp_path):
    """Write ``graph`` as a page, open it; return (page, console errors, blocked requests)."""
    pages = []

    def _open(graph: Graph, **kwargs):
        path = tmp_path / f"page{len(pages)}.html"
        write_html(graph, path, **kwargs)
        page, errors, blocked = _open_path(context, path)
        pages.append(page)
        return page, errors, blocked

    yield _open
    for page in pages:
        page.close()


def _open_path(target, path: Path):
    from sopgraph.export.viz_browser import open_page

    return open_page(target, path)


def _drawn_counts(graph: Graph) -> tuple[int, int]:
    """Entities (sopgraph-typed subjects) and the links the page draws between them."""
    drawn = {SG[c] for c in ("Statement", "Person", "Applicant", "Organization", "University", "Company",
                             "ResearchGroup", "Paper", "Venue", "Topic", "Program")}
    entities = {s for s, o in graph.subject_objects(RDF.type) if o in drawn}  # not sg:Assertion
    edges = {(s, p, o) for s, p, o in graph
             if s in entities and o in entities and p != SG.mentions
             and (str(p).startswith(ONTOLOGY_IRI) or p == SKOS.broader)}
    return len(entities), len(edges)


def _node_id(page, label: str) -> int:
    return page.evaluate("(l) => sopgraph.data.nodes.find(n => n.label === l).id", label)


def _click_node(page, label: str) -> None:
    """A real mouse click on the node's position on the canvas."""
    node_id = _node_id(page, label)
    page.evaluate("(id) => sopgraph.network.focus(id, {scale: 1.5})", node_id)
    pos = page.evaluate(
        "(id) => { const p = sopgraph.network.canvasToDOM(sopgraph.network.getPositions([id])[id]);"
        " const r = document.getElementById('sg-network').getBoundingClientRect();"
        " return {x: p.x + r.left, y: p.y + r.top}; }", node_id)
    page.mouse.click(pos["x"], pos["y"])


def test_examples_page_renders_every_node_and_edge_offline(context, examples_build, tmp_path_factory) -> None:
    result, out = examples_build
    page, errors, blocked = _open_path(context, out / "graph.html")
    try:
        assert page.evaluate(RENDERED) == list(_drawn_counts(result.graph))
        assert page.is_visible("#sg-legend") and page.is_visible("#sg-search")
        artifacts = Path(os.environ.get("SOPGRAPH_TEST_ARTIFACTS") or tmp_path_factory.mktemp("viz-artifacts"))
        artifacts.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(artifacts / "examples-graph.png"))
        assert (artifacts / "examples-graph.png").stat().st_size > 10_000
        # The build records provenance: an applicant's links show their evidence sentences.
        applicant = page.evaluate("sopgraph.data.nodes.find(n => n.cls === 'Applicant').id")
        page.evaluate("(id) => sopgraph.selectNode(id)", applicant)
        assert page.locator("#sg-panel .sg-evidence").count() > 0
        assert page.locator("#sg-panel .sg-evidence cite").first.text_content().split(":")[0] in {
            str(f) for f in result.graph.objects(None, SG.sourceFile)}
        assert errors == [] and blocked == []
    finally:
        page.close()


def test_sample_counts_and_no_console_errors(open_graph) -> None:
    page, errors, blocked = open_graph(_sample_graph())
    assert page.evaluate(RENDERED) == [6, 5] == list(_drawn_counts(_sample_graph()))
    # Physics has been switched off once laid out.
    assert page.evaluate("sopgraph.network.physics.physicsEnabled") is False
    assert errors == [] and blocked == []


@pytest.mark.parametrize(("query", "label"), [
    ("NeurIPS", "NeurIPS"),
    ("massachusetts", "MIT"),  # by alias, case-insensitive
    ("graphs &", "Graphs & Things"),
])
def test_search_finds_and_selects_node(open_graph, query: str, label: str) -> None:
    page, errors, _ = open_graph(_sample_graph())
    page.fill("#sg-search", query)
    assert page.is_visible("#sg-results")
    assert page.inner_text("#sg-results li.sg-active .sg-hit-label") == label
    page.keyboard.press("Enter")
    assert page.evaluate("sopgraph.network.getSelectedNodes()") == [_node_id(page, label)]
    assert page.is_visible("#sg-panel")
    assert page.text_content("#sg-panel-title") == label
    assert errors == []


def test_search_reports_no_match(open_graph) -> None:
    page, _, _ = open_graph(_sample_graph())
    page.fill("#sg-search", "zzzz nobody")
    assert page.inner_text("#sg-results") == "No entity has that name"
    page.keyboard.press("Enter")
    assert page.evaluate("sopgraph.network.getSelectedNodes()") == []


@pytest.mark.parametrize("cls", ["Topic", "Paper", "Applicant"])
def test_class_filter_hides_exactly_that_class(open_graph, cls: str) -> None:
    page, errors, _ = open_graph(_sample_graph())
    before = page.evaluate("sopgraph.network.body.nodeIndices.map(String)")
    page.uncheck(f"input.sg-class-toggle[value={cls}]")
    after = page.evaluate("sopgraph.network.body.nodeIndices.map(String)")
    classes = page.evaluate("Object.fromEntries(sopgraph.data.nodes.map(n => [String(n.id), n.cls]))")
    assert sorted(set(before) - set(after)) == sorted(i for i, c in classes.items() if c == cls)
    assert len(set(before) - set(after)) == 1
    # Edges touching the hidden nodes go too; the others stay.
    n_edges = page.evaluate("sopgraph.network.body.edgeIndices.length")
    assert n_edges == page.evaluate(
        "(h) => sopgraph.data.edges.filter(e => !h.includes(String(e.from)) && !h.includes(String(e.to))).length",
        sorted(set(before) - set(after)))
    page.check(f"input.sg-class-toggle[value={cls}]")
    assert sorted(page.evaluate("sopgraph.network.body.nodeIndices.map(String)")) == sorted(before)
    assert errors == []


def test_click_shows_panel_with_facts_and_links(open_graph) -> None:
    page, errors, _ = open_graph(_sample_graph())
    _click_node(page, "Graphs & Things")
    assert page.is_visible("#sg-panel")
    assert page.text_content("#sg-panel-title") == "Graphs & Things"
    assert "Paper" in page.text_content("#sg-panel-class")
    facts = dict(zip(page.locator("#sg-panel dt").all_text_contents(), page.locator("#sg-panel dd").all_text_contents()))
    assert facts == {"year": "2021"}
    links = page.locator("#sg-panel .sg-links li").all_text_contents()
    assert sorted(links) == ["publishedIn → NeurIPS", "← authorOf Jane Doe"]
    # Following a link selects the other end.
    page.click("#sg-panel .sg-link >> text=NeurIPS")
    assert page.text_content("#sg-panel-title") == "NeurIPS"
    assert errors == []


def test_panel_shows_aliases_and_neighbourhood_is_highlighted(open_graph) -> None:
    page, _, _ = open_graph(_sample_graph())
    _click_node(page, "MIT")
    assert page.locator("#sg-panel li").first.text_content() == "Massachusetts Institute of Technology"
    opacity = page.evaluate("Object.fromEntries(sopgraph.nodes.get().map(n => [n.label, n.opacity ?? 1]))")
    assert opacity["MIT"] == 1 and opacity["Jane Doe"] == 1 and opacity["NeurIPS"] < 1
    page.click("#sg-panel-close")
    assert not page.is_visible("#sg-panel")
    assert all(n.get("opacity", 1) == 1 for n in page.evaluate("sopgraph.nodes.get()"))


def test_panel_shows_edge_evidence_when_present(open_graph) -> None:
    g = _sample_graph()
    triple = (_iri("person/jane"), SG.studiedAt, _iri("org/mit"))
    evidence = {triple: [{"sentence": "I studied <b>physics</b> at MIT.", "source": "jane.txt"}]}
    page, errors, _ = open_graph(g, evidence=evidence)
    _click_node(page, "MIT")
    quote = page.locator("#sg-panel .sg-evidence")
    assert quote.count() == 1
    assert quote.text_content() == "I studied <b>physics</b> at MIT.jane.txt"
    assert quote.locator("cite").text_content() == "jane.txt"
    assert page.locator("#sg-panel b").count() == 0
    assert errors == []


@pytest.mark.parametrize(("venue", "visible"), [
    ("NeurIPS", {"NeurIPS", "Graphs & Things", "Jane Doe"}),
    ("machine learning", {"machine learning", "Jane Doe"}),
])
def test_connected_filter_shows_only_linked_applicants(open_graph, venue: str, visible: set[str]) -> None:
    g = _sample_graph()
    other = _iri("person/bob")
    g.add((other, RDF.type, SG.Applicant))
    g.add((other, RDF.type, SG.Person))
    g.add((other, RDFS.label, Literal("Bob Roe")))
    g.add((other, SG.studiedAt, _iri("org/mit")))
    page, errors, _ = open_graph(g)
    page.select_option("#sg-connected", label=venue)
    shown = page.evaluate("sopgraph.network.body.nodeIndices.map(i => sopgraph.nodes.get(i).label)")
    assert set(shown) == visible
    assert page.is_visible("#sg-filter-note")
    page.click("#sg-filter-clear")
    assert page.evaluate("sopgraph.network.body.nodeIndices.length") == 7
    assert errors == []


def test_max_nodes_note_is_shown(open_graph) -> None:
    page, errors, _ = open_graph(_sample_graph(), max_nodes=3)
    assert page.evaluate("sopgraph.network.body.nodeIndices.length") == 3
    assert page.is_visible("#sg-note")
    assert "Showing 3 of 6 entities" in page.text_content("#sg-note")
    assert errors == []


def test_hostile_names_run_nothing(open_graph) -> None:
    g = Graph()
    st = _iri("statement/evil")
    g.add((st, RDF.type, SG.Statement))
    g.add((st, RDFS.label, Literal(HOSTILE_NAMES[2])))
    g.add((st, SG.sourceFile, Literal(HOSTILE_NAMES[1])))
    for i, name in enumerate(HOSTILE_NAMES[:2]):
        node = _iri(f"person/evil{i}")
        g.add((node, RDF.type, SG.Applicant))
        g.add((node, RDF.type, SG.Person))
        g.add((node, RDFS.label, Literal(name)))
        g.add((node, SKOS.altLabel, Literal(HOSTILE_NAMES[1 - i])))
        g.add((st, SG.author, node))
    page, errors, blocked = open_graph(g, title=HOSTILE_NAMES[0])
    assert page.evaluate(RENDERED) == [3, 2]
    # Exercise every place document text is shown: search results, panel, tooltip.
    page.fill("#sg-search", "img")
    page.keyboard.press("Enter")
    _click_node(page, HOSTILE_NAMES[2])
    page.fill("#sg-search", "script")
    node_id = _node_id(page, HOSTILE_NAMES[0])
    page.evaluate("(id) => sopgraph.network.focus(id, {scale: 1.5})", node_id)
    page.mouse.move(1, 200)
    page.wait_for_timeout(300)
    assert page.text_content("#sg-panel-title") == HOSTILE_NAMES[2]
    assert page.evaluate("document.querySelectorAll('img, svg').length") == 0
    assert page.evaluate("document.scripts.length") == 3  # data, vis-network, ours
    assert page.evaluate("document.querySelectorAll('[onerror], [onload]').length") == 0
    assert page.text_content("h1") == HOSTILE_NAMES[0]
    assert errors == [] and blocked == []


def test_empty_graph_page_is_ready_without_errors(open_graph) -> None:
    page, errors, blocked = open_graph(Graph())
    assert page.evaluate("sopgraph.ready") is True
    assert page.text_content("#sg-status") == "The graph has no entities."
    assert errors == [] and blocked == []


def test_typing_in_search_does_not_zoom_the_graph(open_graph) -> None:
    page, _, _ = open_graph(_sample_graph())
    scale = page.evaluate("sopgraph.network.getScale()")
    page.click("#sg-search")
    page.keyboard.type("--++")
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(200)
    assert page.evaluate("sopgraph.network.getScale()") == scale
    assert page.input_value("#sg-search") == "--++"
