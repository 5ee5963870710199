"""Command-line interface: a thin typer layer over :mod:`sopgraph.api`.

Each command parses its arguments, calls one library function, prints the result, and
turns :class:`~sopgraph.errors.SopgraphError` into one line on stderr and exit code 1 (2
for usage errors, as typer does).
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import SopgraphError

app = typer.Typer(
    name="sopgraph",
    help="Turn statements of purpose and other academic profiles into an RDF knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def _fail(exc: SopgraphError) -> None:
    typer.echo(f"sopgraph: error: {exc}", err=True)
    raise typer.Exit(code=1)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sopgraph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True,
                                                    help="Print the version and exit.")] = None,
) -> None:
    """sopgraph: statements of purpose → knowledge graph."""


@app.command()
def build(
    inputs: Annotated[list[Path], typer.Argument(help="Files and folders to read (folders recursively).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Folder for graph.ttl and graph.html.")] = Path("output"),
    model: Annotated[Optional[str], typer.Option(help="spaCy model package or path (default: en_core_web_sm).")] = None,
    base_iri: Annotated[str, typer.Option(help="Namespace under which entity IRIs are minted.")] = "https://w3id.org/sopgraph/id/",
    min_confidence: Annotated[float, typer.Option(min=0.0, max=1.0, help="Drop relations below this confidence.")] = 0.0,
) -> None:
    """Build the graph of INPUTS: writes OUTPUT/graph.ttl and OUTPUT/graph.html."""
    from .api import build as run_build, write_outputs

    try:
        result = run_build(inputs, model=model, base_iri=base_iri, min_confidence=min_confidence)
        written = write_outputs(result, output)
    except SopgraphError as exc:
        _fail(exc)
    for failure in result.failures:
        typer.echo(f"sopgraph: cannot read {failure.path}: {failure.reason}", err=True)
    entities = ", ".join(f"{n} {k}" for k, n in sorted(result.entity_counts().items()) if k != "Statement")
    relations = ", ".join(f"{n} {k}" for k, n in sorted(result.relation_counts().items()))
    typer.echo(
        f"{result.documents} document{'s' if result.documents != 1 else ''} → {len(result.graph)} triples "
        f"| entities: {entities or 'none'} | relations: {relations or 'none'} "
        f"| failures: {len(result.failures)} | wrote {', '.join(str(p) for p in written)}"
    )
    if result.failures:
        raise typer.Exit(code=1)


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, …).")],
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL query text (or use --file).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Result format.")] = OutputFormat.table,
) -> None:
    """Run a SPARQL query against GRAPH and print the results."""
    from .query import FORMATTERS, load_graph, run_query

    if (sparql is None) == (file is None):
        typer.echo("sopgraph: error: give the query either as an argument or with --file, not both", err=True)
        raise typer.Exit(code=2)
    try:
        text = sparql if sparql is not None else _read_query_file(file)
        result = run_query(load_graph(graph), text)
    except SopgraphError as exc:
        _fail(exc)
    typer.echo(FORMATTERS[fmt.value](result).rstrip("\n"))


def _read_query_file(path: Path) -> str:
    from .errors import QueryError

    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"cannot read query file {path}: {exc.strerror or exc}") from exc


@app.command()
def stats(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, …).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Print counts per class and per property of GRAPH."""
    from .query import load_graph
    from .stats import graph_stats

    try:
        data = graph_stats(load_graph(graph))
    except SopgraphError as exc:
        _fail(exc)
    if as_json:
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(f"triples: {data['triples']}")
    for heading in ("classes", "properties"):
        typer.echo(f"\n{heading}:")
        for name, n in data[heading].items():
            typer.echo(f"  {n:>7}  {name}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="sopgraph")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
