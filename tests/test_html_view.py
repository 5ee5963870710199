"""The graph page drawn from the streamed view is the page of the whole graph."""
from __future__ import annotations

from rdflib import RDF, Graph
from rdflib.namespace import PROV

from sopgraph.export.html import write_html
from sopgraph.export.html_view import HtmlView
from sopgraph.namespace import SG


def _view(source) -> HtmlView:
    view = HtmlView()
    for part in source.parts():
        view.add(part)
    return view


def test_the_page_of_the_view_is_the_page_of_the_whole_graph(examples_build, tmp_path):
    result, out = examples_build
    write_html(result.source.graph(), tmp_path / "whole.html")
    _view(result.source).write(tmp_path / "view.html")
    assert (tmp_path / "view.html").read_bytes() == (tmp_path / "whole.html").read_bytes()
    assert (out / "graph.html").read_bytes() == (tmp_path / "whole.html").read_bytes()  # what write_outputs wrote


def test_the_view_holds_no_provenance_and_keeps_the_evidence(examples_build):
    source = examples_build[0].source
    view, whole = _view(source), source.graph()
    held = view.graph
    assert (None, RDF.type, SG.Assertion) not in held and (None, SG.mentions, None) not in held
    assert (None, RDF.type, PROV.Activity) not in held
    assert len(held) < len(whole) / 4
    # Every link between two entities is kept, with the sentence it was read from.
    links = [(s, p, o) for s, p, o in whole if p in (SG.studiedAt, SG.prospectiveAdvisor)]
    assert links and all(t in held and view.evidence[t] for t in links)
    assert all("sentence" in item and "source" in item for t in links for item in view.evidence[t])


def test_a_view_of_no_parts_draws_an_empty_page(tmp_path):
    HtmlView().write(tmp_path / "empty.html")
    assert "The graph has no entities." in (tmp_path / "empty.html").read_text(encoding="utf-8")
    assert isinstance(HtmlView().graph, Graph)
