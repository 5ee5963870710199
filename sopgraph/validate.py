"""SHACL validation of a graph file against ``ontology/shapes.ttl`` with pySHACL."""
from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from rdflib import Graph, Namespace

from .errors import GraphLoadError, ValidationError
from .query import load_graph

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class ValidationReport:
    """Whether the graph conforms, and one readable line per violation."""

    conforms: bool
    violations: tuple[str, ...]
    triples: int


def default_shapes() -> Graph:
    """sopgraph's shapes, from package data (a byte-identical copy of ``ontology/shapes.ttl``)."""
    text = (resources.files("sopgraph") / "data" / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def _lines(report: Graph) -> tuple[str, ...]:
    out = []
    for result in report.subjects(SH.resultSeverity, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = report.value(result, SH.resultMessage)
        where = f" {path.n3(report.namespace_manager)}" if path is not None else ""
        got = f" (value {value.n3(report.namespace_manager)})" if value is not None else ""
        out.append(f"{focus}{where}: {message}{got}")
    return tuple(sorted(out))


def validate_graph(graph_path: Path, shapes_path: Path | None = None) -> ValidationReport:
    """Validate a graph file; shapes default to sopgraph's own."""
    import pyshacl

    data = load_graph(graph_path)
    if shapes_path is None:
        shapes = default_shapes()
    else:
        try:
            shapes = load_graph(shapes_path)
        except GraphLoadError as exc:
            raise ValidationError(f"cannot read shapes: {exc}") from exc
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=False)
    return ValidationReport(bool(conforms), _lines(report), len(data))
