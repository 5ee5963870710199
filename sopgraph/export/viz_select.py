"""Choose which part of a graph the HTML view draws: an ego network and/or a size cap.

Works on the plain node/edge dicts of :func:`sopgraph.export.html.network_data` (integer
``id``; ``from``/``to`` on edges), so it knows nothing of RDF and stays deterministic:
every choice is ordered by degree and then by node id.
"""
from __future__ import annotations

import difflib
from collections import deque
from dataclasses import dataclass

from sopgraph.errors import VizError

__all__ = ["Selection", "select"]


@dataclass(frozen=True)
class Selection:
    """The nodes and edges to draw, and a one-line note on what was left out ("" if nothing)."""

    nodes: list[dict]
    edges: list[dict]
    note: str


def _names(node: dict) -> list[str]:
    return [node["label"], *node.get("aliases", [])]


def _seeds(nodes: list[dict], focus: str) -> list[int]:
    wanted = focus.strip().casefold()
    seeds = [n["id"] for n in nodes if any(name.casefold() == wanted for name in _names(n))]
    if seeds:
        return seeds
    # "Castellanos" for "Miriam Castellanos": a part of a name is fine when only one entity has it.
    partial = [n for n in nodes if any(wanted in name.casefold() for name in _names(n))]
    # Statements are labelled by file name, which usually contains the applicant's name.
    partial = [n for n in partial if n.get("cls") != "Statement"] or partial
    if len(partial) == 1:
        return [partial[0]["id"]]
    if partial:
        names = ", ".join(repr(n["label"]) for n in sorted(partial, key=lambda n: n["label"])[:5])
        raise VizError(f"--focus {focus!r} is ambiguous: it is part of {len(partial)} names ({names}…); give one in full"
                       if len(partial) > 5 else f"--focus {focus!r} is ambiguous: it is part of {names}; give one in full")
    known = sorted({name for n in nodes for name in _names(n)})
    close = difflib.get_close_matches(focus, known, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else "; give an entity's label or alias"
    raise VizError(f"--focus {focus!r} matches no entity in the graph{hint}")


def _ego(edges: list[dict], seeds: list[int], depth: int) -> set[int]:
    # Undirected: "who is near Castellanos" includes applicants pointing at him.
    adjacent: dict[int, list[int]] = {}
    for e in edges:
        adjacent.setdefault(e["from"], []).append(e["to"])
        adjacent.setdefault(e["to"], []).append(e["from"])
    seen = set(seeds)
    queue = deque((s, 0) for s in seeds)
    while queue:
        node, dist = queue.popleft()
        if dist == depth:
            continue
        for other in adjacent.get(node, ()):
            if other not in seen:
                seen.add(other)
                queue.append((other, dist + 1))
    return seen


def select(nodes: list[dict], edges: list[dict], *, focus: str | None = None, depth: int = 2,
           max_nodes: int | None = None) -> Selection:
    """Return the part of the graph to draw.

    ``focus`` (a label or alias, case-insensitive, or a part of exactly one) keeps the entities within ``depth`` links
    of it, edges followed in either direction; :class:`~sopgraph.errors.VizError` if no
    entity has that name. ``max_nodes`` then keeps the ``max_nodes`` entities with the most
    links (ties broken by id), so big graphs stay responsive; the note says what was dropped.
    """
    if depth < 0:
        raise VizError(f"--depth must be 0 or more, not {depth}")
    if max_nodes is not None and max_nodes < 1:
        raise VizError(f"--max-nodes must be at least 1, not {max_nodes}")
    total_nodes, total_edges = len(nodes), len(edges)
    keep = {n["id"] for n in nodes}
    if focus is not None:
        keep = _ego(edges, _seeds(nodes, focus), depth)
    if max_nodes is not None and len(keep) > max_nodes:
        degree = dict.fromkeys(keep, 0)
        for e in edges:
            if e["from"] in keep and e["to"] in keep:
                degree[e["from"]] += 1
                degree[e["to"]] += 1
        keep = set(sorted(keep, key=lambda i: (-degree[i], i))[:max_nodes])
        capped = True
    else:
        capped = False
    kept_nodes = [n for n in nodes if n["id"] in keep]
    kept_edges = [e for e in edges if e["from"] in keep and e["to"] in keep]
    note = ""
    if len(kept_nodes) < total_nodes:
        why = []
        if focus is not None:
            why.append(f"within {depth} link{'s' if depth != 1 else ''} of \u201c{focus}\u201d")
        if capped:
            why.append(f"the most connected, --max-nodes {max_nodes:,}")
        note = (f"Showing {len(kept_nodes):,} of {total_nodes:,} entities ({'; '.join(why)}): "
                f"{total_nodes - len(kept_nodes):,} entities and {total_edges - len(kept_edges):,} links left out.")
    return Selection(kept_nodes, kept_edges, note)
