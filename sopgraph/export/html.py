"""Self-contained interactive HTML view of a sopgraph RDF graph.

The page is built from vis-network node/edge dicts (:func:`network_data`, optionally cut
down by :mod:`sopgraph.export.viz_select`) and a template shipped with sopgraph
(``data/templates/graph.html``: legend with class toggles, search, "applicants connected
to" filter, side panel); vis-network's JS and CSS are inlined from the copy bundled with
pyvis, so the page works offline and makes no network requests. Document text reaches the
page only as escaped JSON, and the template shows it with ``textContent``.
"""
from __future__ import annotations

import html
import importlib.resources
import json
import math
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from pyvis.network import Network
from rdflib import RDF, RDFS, Graph, Literal
from rdflib.namespace import SKOS
from rdflib.term import Node

from sopgraph.errors import OutputError
from sopgraph.export.viz_evidence import evidence_from_graph
from sopgraph.export.viz_select import select
from sopgraph.namespace import ONTOLOGY_IRI, SG

__all__ = ["DEFAULT_MAX_NODES", "Evidence", "build_network", "network_data", "render_html", "write_html"]

#: Pages above this many entities show only the most connected ones (``max_nodes``): the
#: layout of ~1000 entities settles in about 2 s in headless Chromium, of 5000 in over 10 s
#: (benchmarks/viz_stabilize.py).
DEFAULT_MAX_NODES = 1000

#: Provenance of edges, keyed by the RDF triple ``(subject, property, object)``: each item
#: is a mapping with ``"sentence"`` (the evidence text) and ``"source"`` (the file it came
#: from); either may be missing. The page lists them in the side panel under the link.
Evidence = Mapping[tuple[Node, Node, Node], Sequence[Mapping[str, str]]]

# Literal-valued properties already shown as the heading/aliases; everything else is a fact.
_NOT_FACTS = frozenset({RDFS.label, SKOS.altLabel, RDF.type})

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
    # Keys only while the graph has focus: bound to the window, typing "-" or an arrow key
    # in the search box would zoom or pan the graph.
    "interaction": {"hover": True, "keyboard": {"enabled": True, "bindToWindow": False}, "tooltipDelay": 150},
    # A fixed seed: the same graph is laid out the same way on every open (and screenshot).
    "layout": {"randomSeed": 7},
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
# vis draws a database as tall as it is wide, so a long venue name made a huge cylinder:
# wrap the label instead.
_OPTIONS["groups"]["Venue"]["widthConstraint"] = {"maximum": 90}

_VIS_DIR = ("lib", "vis-9.1.2")
_PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
_WRITE_CHARS = 1 << 20


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


def _facts(graph: Graph, node: Node, entities: Mapping[Node, int]) -> list[list[str]]:
    facts = set()
    for p, o in graph.predicate_objects(node):
        if p in _NOT_FACTS or o in entities:
            continue  # links between entities are edges, shown with the other end's label
        facts.add((_local_name(str(p)), str(o)))
    return [list(f) for f in sorted(facts)]


def _evidence_items(items: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    cleaned = {tuple((k, str(item[k])) for k in ("sentence", "source") if item.get(k)) for item in items}
    # Sorted and de-duplicated: one sentence can back the same fact twice (two statements).
    return [dict(c) for c in sorted(cleaned, key=lambda c: (dict(c).get("source", ""), dict(c).get("sentence", ""))) if c]


def network_data(graph: Graph, evidence: Evidence | None = None) -> tuple[list[dict], list[dict]]:
    """Return the page's ``(nodes, edges)``: vis-network dicts, one node per sopgraph entity.

    An entity is a subject with an ``rdf:type`` among the sopgraph classes. Edges are the
    ``sg:`` properties (and ``skos:broader``) between two entities, except ``sg:mentions``;
    other values such as ``sg:year`` become the node's ``facts`` (``[[property, value], …]``).
    Nodes carry ``cls``, ``aliases`` and ``degree`` for the page's search and panel; edges
    carry ``prop`` and, when ``evidence`` has the triple, ``evidence``. Nodes get sequential
    integer ids in sorted IRI order and edges are sorted, so the same graph always yields
    the same data.
    """
    classes: dict[Node, str] = {}
    for subject in set(graph.subjects(RDF.type, None)):
        cls = _entity_class(graph, subject)
        if cls is not None:
            classes[subject] = cls
    ids = {node: i for i, node in enumerate(sorted(classes, key=lambda n: (n.n3(), str(n))))}

    edge_keys: set[tuple[int, int, str]] = set()
    edge_evidence: dict[tuple[int, int, str], list[dict[str, str]]] = {}
    for s, p, o in graph:
        # skos:broader is drawn too: it is what ties a topic to the wider field it belongs to.
        if s in ids and o in ids and (str(p).startswith(ONTOLOGY_IRI) or p == SKOS.broader) and p not in _HIDDEN_PROPERTIES:
            key = (ids[s], ids[o], _local_name(str(p)))
            edge_keys.add(key)
            if evidence and evidence.get((s, p, o)):
                edge_evidence[key] = _evidence_items(evidence[(s, p, o)])
    degree = dict.fromkeys(ids.values(), 0)
    for src, dst, _ in edge_keys:
        degree[src] += 1
        degree[dst] += 1

    nodes = []
    for node, node_id in ids.items():
        cls = classes[node]
        labels = _texts(graph, node, RDFS.label)
        label = labels[0] if labels else _local_name(str(node))
        alt_labels = [a for a in _texts(graph, node, SKOS.altLabel) if a != label]
        years = _texts(graph, node, SG.year)
        # sqrt keeps hubs (the applicant) visibly bigger without dwarfing everything else.
        growth = math.sqrt(degree[node_id])
        inside = _SHAPE[cls] in _LABEL_INSIDE
        nodes.append({
            "id": node_id,
            "label": label,
            # A per-node shape, as pyvis always wrote one; the colour comes from the group.
            "shape": _SHAPE[cls],
            "group": cls,
            "title": _tooltip(label, cls, alt_labels, years),
            # Shapes that draw the label inside grow with the font: keep those at one size.
            "size": 25 if inside else round(10 + 6 * growth, 2),
            "font": {"size": 14 if inside else round(14 + 2 * growth, 2)},
            # Read by the page's search and side panel (never by vis-network itself).
            "cls": cls,
            "aliases": alt_labels,
            "facts": _facts(graph, node, ids),
            "degree": degree[node_id],
        })
    edges = []
    for src, dst, prop in sorted(edge_keys):
        edge = {"from": src, "to": dst, "label": prop, "prop": prop, "arrows": "to"}
        if (src, dst, prop) in edge_evidence:
            edge["evidence"] = edge_evidence[(src, dst, prop)]
        edges.append(edge)
    return nodes, edges


def build_network(graph: Graph, evidence: Evidence | None = None) -> Network:
    """Return a pyvis :class:`Network` holding :func:`network_data` (for pyvis users).

    The page itself is built from :func:`network_data` directly: pyvis checks each new
    node and edge against a list, which is quadratic on large graphs.
    """
    nodes, edges = network_data(graph, evidence)
    net = Network(directed=True)
    for node in nodes:
        options = {k: v for k, v in node.items() if k not in ("id", "label", "shape")}
        net.add_node(node["id"], label=node["label"], shape=node["shape"], **options)
    for edge in edges:
        net.add_edge(edge["from"], edge["to"], **{k: v for k, v in edge.items() if k not in ("from", "to", "arrows")})
    return net


def _legend(classes_present: dict[str, int]) -> str:
    # Class names and colours are our own constants, never document text.
    items = []
    for name, colour, shape, glyph in _STYLES:
        if name in classes_present:
            items.append(
                f'<li data-class="{name}" data-color="{colour}" data-shape="{shape}"><label title="Show or hide {name} nodes">'
                f'<input type="checkbox" class="sg-class-toggle" value="{name}" checked>'
                f'<span class="sg-glyph" style="color:{colour}">{glyph}</span> {name} '
                f'<span class="sg-count">{classes_present[name]}</span></label></li>'
            )
    return "\n".join(items) if items else "<li>(no entities)</li>"


def _options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options scaled to the graph, so the layout settles within a few seconds."""
    options = json.loads(json.dumps(_OPTIONS))
    physics = options["physics"]
    # Each iteration costs ~O(n log n + edges); fewer of them on big graphs keeps the time to
    # "stabilized" bounded, and a big graph's layout is a hairball at any iteration count.
    work = n_nodes + n_edges
    iterations = 1000 if work <= 400 else max(40, min(1000, 160_000 // work))
    physics["stabilization"]["iterations"] = iterations
    if n_nodes > 150:
        # improvedLayout runs Kamada-Kawai first, which takes many seconds on a few thousand
        # nodes; straight edges are several times cheaper to simulate and draw than smooth ones.
        options["layout"]["improvedLayout"] = False
        options["edges"]["smooth"] = False
        # Each progress update costs about as much as an iteration on a big graph (measured:
        # 60 iterations of 5000 nodes took 10 s in batches of 10, 5 s in batches of 50).
        physics["stabilization"]["updateInterval"] = max(25, iterations // 4)
    return options


def render_html(graph: Graph, *, title: str = "sopgraph", focus: str | None = None, depth: int = 2,
                max_nodes: int | None = DEFAULT_MAX_NODES, evidence: Evidence | None = None) -> str:
    """Return the complete, self-contained HTML page for ``graph`` as a string.

    ``focus``/``depth`` draw only the entities within ``depth`` links of the entity named
    ``focus``; ``max_nodes`` caps the page at that many of the most connected entities
    (``None``: no cap) and the page says what was left out. ``evidence`` attaches source
    sentences to edges (see :data:`Evidence`); by default they are read from the graph's
    ``sg:Assertion`` provenance (:func:`~sopgraph.export.viz_evidence.evidence_from_graph`). Raises :class:`~sopgraph.errors.VizError` if
    ``focus`` names no entity and :class:`OSError` if a bundled asset is missing.
    """
    return "".join(_page_pieces(graph, title=title, focus=focus, depth=depth, max_nodes=max_nodes, evidence=evidence))


def _page_pieces(graph: Graph, *, title: str, focus: str | None, depth: int, max_nodes: int | None,
                 evidence: Evidence | None) -> list[str]:
    """The page as consecutive pieces (template text and inlined values), so that a big
    page can be written without ever being one string."""
    if evidence is None:
        evidence = evidence_from_graph(graph)
    all_nodes, all_edges = network_data(graph, evidence)
    picked = select(all_nodes, all_edges, focus=focus, depth=depth, max_nodes=max_nodes)
    nodes, edges = picked.nodes, picked.edges
    # Explicit ids: the page updates edges (hide, dim) by id, and DataSet's own are random.
    # Thousands of edge labels make every frame slow; the panel still names each link.
    drop = {"label"} if len(edges) > 1500 else set()
    edges = [{**{k: v for k, v in e.items() if k not in drop}, "id": f"e{i}"} for i, e in enumerate(edges)]
    counts: dict[str, int] = {}
    for node in nodes:
        counts[node["group"]] = counts.get(node["group"], 0) + 1
    data = {"nodes": nodes, "edges": edges, "options": _options(len(nodes), len(edges)),
            "styles": [{"cls": name, "color": colour, "glyph": html.unescape(glyph)}
                       for name, colour, _, glyph in _STYLES if name in counts]}

    # A "</script" or "</style" inside the inlined library would close its element early.
    vis_js = re.sub(r"</(script)", r"<\\/\1", _vis_asset("vis-network.min.js"), flags=re.IGNORECASE)
    vis_css = re.sub(r"</(style)", r"<\\/\1", _vis_asset("vis-network.css"), flags=re.IGNORECASE)
    values = {
        "title": html.escape(title),
        "summary": f"{len(nodes)} entities, {len(edges)} links",
        "note": html.escape(picked.note),
        "note_hidden": "" if picked.note else " hidden",
        "status": "Laying out graph&#8230;" if nodes else "The graph has no entities.",
        "legend": _legend(counts),
        "graph_json": _script_safe_json(data),
        "vis_js": vis_js,
        "vis_css": vis_css,
    }
    template = _template_path().read_text(encoding="utf-8")
    # One pass, so placeholder-like text inside the inlined values is never substituted.
    pieces, pos = [], 0
    for match in _PLACEHOLDER.finditer(template):
        pieces += [template[pos:match.start()], values[match.group(1)]]
        pos = match.end()
    return [*pieces, template[pos:]]


def write_html(graph: Graph, path: Path, *, title: str = "sopgraph", focus: str | None = None, depth: int = 2,
               max_nodes: int | None = DEFAULT_MAX_NODES, evidence: Evidence | None = None) -> None:
    """Write an interactive, offline HTML view of ``graph`` to ``path``.

    The keyword arguments are those of :func:`render_html`.

    The file is written to a temporary file in the same directory and moved into place,
    so ``path`` is never left half-written. The same graph always produces byte-identical
    output. Raises :class:`~sopgraph.errors.OutputError` (naming ``path``) if the page
    cannot be built or written.
    """
    path = Path(path)
    try:
        pieces = _page_pieces(graph, title=title, focus=focus, depth=depth, max_nodes=max_nodes, evidence=evidence)
    except OSError as exc:
        raise OutputError(f"cannot build HTML for {path}: missing bundled asset ({exc})") from exc
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            # Encoded a slice at a time: a page of many evidence sentences runs to tens of
            # megabytes, and neither the whole page nor its bytes need to be in memory.
            for piece in pieces:
                for at in range(0, len(piece), _WRITE_CHARS):
                    handle.write(piece[at:at + _WRITE_CHARS].encode("utf-8"))
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
