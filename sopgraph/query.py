"""Load a graph file and answer SPARQL queries over it."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef, Variable

from .errors import GraphLoadError, QueryError
from .export.rdf import format_for


def load_graph(path: Path) -> Graph:
    """Parse an RDF file (format from its extension); raise :class:`GraphLoadError`."""
    path = Path(path)
    if not path.is_file():
        raise GraphLoadError(f"graph file {path} does not exist; build one first with `sopgraph build INPUT --output DIR`")
    graph = Graph()
    try:
        graph.parse(path, format=format_for(path))
    except Exception as exc:  # rdflib raises many parser-specific types
        raise GraphLoadError(f"cannot parse {path} as {format_for(path)}: {exc}") from exc
    return graph


@dataclass(frozen=True)
class QueryResult:
    """Variables and rows of a SELECT (or one boolean row for ASK)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _term_text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def run_query(graph: Graph, sparql: str, bindings: Mapping[str, str] | None = None,
              allow_remote: bool = True) -> QueryResult:
    """Run a SELECT or ASK query; CONSTRUCT/DESCRIBE results are returned as triples.

    ``bindings`` bind variables to plain literals (rdflib ``initBindings``, never pasted
    into the text). With ``allow_remote=False``, SERVICE, LOAD and any FROM are refused:
    rdflib would dereference them over the network.
    """
    if not allow_remote:
        from .store import remote_access

        reason = remote_access(sparql)
        if reason:
            raise QueryError(f"query refused: {reason}; pass --allow-remote if you mean it")
    init = {Variable(k): Literal(v) for k, v in (bindings or {}).items()}
    try:
        result = graph.query(sparql, initBindings=init)
    except Exception as exc:  # pyparsing and rdflib errors alike
        raise QueryError(f"SPARQL query failed: {exc}") from exc
    if result.type == "ASK":
        return QueryResult(("ask",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        rows = tuple(sorted(tuple(_term_text(t) for t in triple) for triple in result))
        return QueryResult(("subject", "predicate", "object"), rows)
    variables = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(_term_text(row[v]) for v in result.vars) for row in result)
    return QueryResult(variables, rows)


def format_table(result: QueryResult, max_width: int = 60) -> str:
    """A plain aligned text table with a header rule and a row count."""
    def cut(s: str) -> str:
        return s if len(s) <= max_width else s[: max_width - 1] + "…"

    cells = [list(result.variables)] + [[cut(c) for c in row] for row in result.rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(result.variables))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cells[0], widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells[1:]]
    lines.append(f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines)


def format_csv(result: QueryResult) -> str:
    """RFC 4180 CSV with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(result.variables)
    writer.writerows(result.rows)
    return buf.getvalue()


def format_json(result: QueryResult) -> str:
    """A JSON list of objects, one per row."""
    return json.dumps([dict(zip(result.variables, row)) for row in result.rows], indent=2, ensure_ascii=False)


FORMATTERS = {"table": format_table, "csv": format_csv, "json": format_json}
