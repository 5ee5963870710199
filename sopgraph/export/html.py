"""Self-contained interactive HTML view of a sopgraph RDF graph.

The page is built from pyvis's node/edge data and a small template shipped with sopgraph
(``data/templates/graph.html``); vis-network's JS and CSS are inlined from the copy bundled
with pyvis, so the page works offline and makes no network requests.
"""
from __future__ import annotations

import html
import importlib.resources
import json
import math
import os
import re
import tempfile
from pathlib import Path

from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS
from rdflib.term import Node

from sopgraph.errors import OutputError
from sopgraph.namespace import ONTOLOGY_IRI, SG

__all__ = ["build_network", "render_html", "write_html"]

# (class, colour, vis shape, legend glyph). Order is precedence: the first class an entity
# has wins, so subclasses come before Person/Organization.
_STYLES: tuple[tuple[str, str, str, str], ...] = (
    ("Applicant", "#d62728", "star", "&#9733;"),
    ("University", "#1f77b4", "hexagon", "&#11042;"),
    ("Company", "#9467bd", "square", "&#9632;"),
    ("ResearchGroup", "#17becf", "triangleDown", "&#9660;"),
    ("Statement", "#555555", "text", "&#9636;"),
    ("Paper", "#2ca02c", "diamond", "&#9670;"),
    ("Venue", "#f7b6d2", "database", "&#9921;"),
    ("Topic", "#dbdb8d", "ellipse", "&#11052;"),
    ("Program", "#e7cb94", "box", "&#9645;"),
    ("Person", "#ff7f0e", "dot", "&#9679;"),
    ("Organization", "#7f7f7f", "triangle", "&#9650;"),
)
_CLASS_BY_IRI = {SG[name]: name for name, *_ in _STYLES}
_SHAPE = {name: shape for name, _, shape, _ in _STYLES}
_LABEL_INSIDE = frozenset({"box", "ellipse", "circle", "database", "text"})
_PRECEDENCE = {name: i for i, (name, *_) in enumerate(_STYLES)}

# sg:mentions links every statement to everything in it and would drown the picture.
_HIDDEN_PROPERTIES = frozenset({SG.mentions})

_OPTIONS = {
    "autoResize": True,
    "nodes": {"borderWidth": 1, "font": {"face": "sans-serif", "strokeColor": "#ffffff", "strokeWidth": 3}},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "color": {"color": "#9aa0a6", "highlight": "#333333", "hover": "#555555"},
        "font": {"align": "middle", "color": "#555555", "size": 10, "strokeWidth": 2},
        "smooth": {"type": "continuous"},
    },
    "interaction": {"hover": True, "keyboard": True, "tooltipDelay": 150},
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "avoidOverlap": 0.4,
            "centralGravity": 0.01,
            "gravitationalConstant": -60,
            "springConstant": 0.08,
            "springLength": 120,
        },
        "minVelocity": 0.75,
        "stabilization": {"enabled": True, "fit": True, "iterations": 1000, "updateInterval": 25},
    },
    "groups": {name: {"color": colour, "shape": shape} for name, colour, shape, _ in _STYLES},
}

_VIS_DIR = ("lib", "vis-9.1.2")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")


def _template_path() -> Path:
    # Not importlib.resources: ``sopgraph`` is a namespace package and on Python 3.11
    # files() fails on it under an editable install (MultiplexedPath rejects the finder's
    # path-hook entry), so resolve package data relative to this module instead.
    return Path(__file__).resolve().parent.parent / "data" / "templates" / "graph.html"


def _vis_asset(name: str) -> str:
    return importlib.resources.files("pyvis").joinpath(*_VIS_DIR, name).read_text(encoding="utf-8")


def _script_safe_json(value: object) -> str:
    """JSON that can sit inside ``<script>``: no ``<``, ``>`` or ``&`` survive literally."""
    text = json.dumps(value, ensure_ascii=True, sort_keys=True, separators=(",", ":"))
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _entity_class(graph: Graph, node: Node) -> str | None:
    names = [_CLASS_BY_IRI[t] for t in graph.objects(node, RDF.type) if t in _CLASS_BY_IRI]
    return min(names, key=_PRECEDENCE.__getitem__) if names else None


def _local_name(iri: str) -> str:
    if iri.startswith(ONTOLOGY_IRI):
        return iri[len(ONTOLOGY_IRI):]
    return re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri


def _texts(graph: Graph, node: Node, prop: Node) -> list[str]:
    # Sorted so that a (contract-violating) graph with several values still renders stably.
    return sorted({str(o) for o in graph.objects(node, prop) if isinstance(o, Literal)})


def _tooltip(label: str, cls: str, alt_labels: list[str], years: list[str]) -> str:
    # Plain text: vis-network 9 shows string titles via innerText, so nothing here is
    # interpreted as HTML and escaping would show up as literal "&lt;" in the tooltip.
    lines = [label, f"Class: {cls}"]
    if alt_labels:
        lines.append("Also known as: " + "; ".join(alt_labels))
    if years:
        lines.append("Year: " + ", ".join(years))
    return "\n".join(lines)


def build_network(graph: Graph) -> Network:
    """Return a pyvis :class:`Network` with one node per sopgraph entity.

    An entity is a subject with an ``rdf:type`` among the sopgraph classes. Edges are the
    ``sg:`` properties between two entities, except ``sg:mentions``; literals such as
    ``sg:year`` go into the node's tooltip. Nodes and edges are added in sorted order with
    sequential integer ids, so the same graph always yields the same network.
    """
    classes: dict[Node, str] = {}
    for subject in set(graph.subjects(RDF.type, None)):
        cls = _entity_class(graph, subject)
        if cls is not None:
            classes[subject] = cls
    ids = {node: i for i, node in enumerate(sorted(classes, key=lambda n: (n.n3(), str(n))))}

    edges: set[tuple[int, int, str]] = set()
    for s, p, o in graph:
        # skos:broader is drawn too: it is what ties a topic to the wider field it belongs to.
        if s in ids and o in ids and (str(p).startswith(ONTOLOGY_IRI) or p == SKOS.broader) and p not in _HIDDEN_PROPERTIES:
            edges.add((ids[s], ids[o], _local_name(str(p))))
    degree = dict.fromkeys(ids.values(), 0)
    for src, dst, _ in edges:
        degree[src] += 1
        degree[dst] += 1

    net = Network(directed=True)
    for node, node_id in ids.items():
        labels = _texts(graph, node, RDFS.label)
        label = labels[0] if labels else _local_name(str(node))
        alt_labels = [a for a in _texts(graph, node, SKOS.altLabel) if a != label]
        years = _texts(graph, node, SG.year)
        # sqrt keeps hubs (the applicant) visibly bigger without dwarfing everything else.
        growth = math.sqrt(degree[node_id])
        net.add_node(
            node_id,
            label=label,
            # pyvis always sets a per-node shape (which beats the group's), so pass ours;
            # the colour comes from the class's group in the options.
            shape=_SHAPE[classes[node]],
            group=classes[node],
            title=_tooltip(label, classes[node], alt_labels, years),
            size=25 if _SHAPE[classes[node]] in _LABEL_INSIDE else round(10 + 6 * growth, 2),
            # Shapes that draw the label inside grow with the font: keep those at one size.
            font={"size": 14 if _SHAPE[classes[node]] in _LABEL_INSIDE else round(14 + 2 * growth, 2)},
        )
    for src, dst, prop in sorted(edges):
        net.add_edge(src, dst, label=prop)
    return net


def _legend(classes_present: dict[str, int]) -> str:
    items = []
    for name, colour, shape, glyph in _STYLES:
        if name in classes_present:
            items.append(
                f'<li data-class="{name}" data-color="{colour}" data-shape="{shape}">'
                f'<span class="sg-glyph" style="color:{colour}">{glyph}</span> {name} '
                f'<span class="sg-shape">({shape}, {classes_present[name]})</span></li>'
            )
    return "\n".join(items) if items else "<li>(no entities)</li>"


def render_html(graph: Graph, *, title: str = "sopgraph") -> str:
    """Return the complete, self-contained HTML page for ``graph`` as a string.

    Raises :class:`OSError` if the bundled template or vis-network assets are missing.
    """
    net = build_network(graph)
    nodes, edges = net.nodes, net.edges
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node["group"]] = counts.get(node["group"], 0) + 1
    data = {"nodes": nodes, "edges": edges, "options": _OPTIONS}

    # A "</script" or "</style" inside the inlined library would close its element early.
    vis_js = re.sub(r"</(script)", r"<\\/\1", _vis_asset("vis-network.min.js"), flags=re.IGNORECASE)
    vis_css = re.sub(r"</(style)", r"<\\/\1", _vis_asset("vis-network.css"), flags=re.IGNORECASE)
    values = {
        "title": html.escape(title),
        "summary": f"{len(nodes)} entities, {len(edges)} links",
        "status": "Laying out graph&#8230;" if nodes else "The graph has no entities.",
        "legend": _legend(counts),
        "graph_json": _script_safe_json(data),
        "vis_js": vis_js,
        "vis_css": vis_css,
    }
    template = _template_path().read_text(encoding="utf-8")
    # One pass, so placeholder-like text inside the inlined values is never substituted.
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], template)


def write_html(graph: Graph, path: Path, *, title: str = "sopgraph") -> None:
    """Write an interactive, offline HTML view of ``graph`` to ``path``.

    The file is written to a temporary file in the same directory and moved into place,
    so ``path`` is never left half-written. The same graph always produces byte-identical
    output. Raises :class:`~sopgraph.errors.OutputError` (naming ``path``) if the page
    cannot be built or written.
    """
    path = Path(path)
    try:
        page = render_html(graph, title=title).encode("utf-8")
    except OSError as exc:
        raise OutputError(f"cannot build HTML for {path}: missing bundled asset ({exc})") from exc
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            handle.write(page)
        # mkstemp creates the file 0600; an HTML page is meant to be readable by others.
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
        tmp_name = None
    except OSError as exc:
        raise OutputError(f"cannot write HTML to {path}: {exc.strerror or exc}") from exc
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
