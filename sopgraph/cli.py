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
    workers: Annotated[int, typer.Option(min=1, help="Processes that read and extract in parallel (same result as 1).")] = 1,
    max_bytes: Annotated[int, typer.Option(min=1, help="Larger files are skipped as too_large.")] = 20_000_000,
    max_chars: Annotated[int, typer.Option(min=1, help="Longer texts are skipped as too_large.")] = 5_000_000,
    chunk_chars: Annotated[int, typer.Option(min=1000, help="Longer texts are parsed in chunks of this size.")] = 100_000,
    max_docx_entries: Annotated[int, typer.Option(min=1, help="A .docx zip with more entries is refused.")] = 2_000,
    max_docx_bytes: Annotated[int, typer.Option(min=1, help="A .docx decompressing to more bytes is refused.")] = 100_000_000,
    pdf_timeout: Annotated[float, typer.Option(min=0.1, help="Seconds one PDF may take to extract.")] = 30.0,
    update: Annotated[bool, typer.Option("--update", help="Add INPUTS to the build already in OUTPUT: unchanged "
                                         "statements are not parsed again; the result equals a full rebuild.")] = False,
) -> None:
    """Build the graph of INPUTS: writes OUTPUT/graph.ttl, OUTPUT/graph.html and OUTPUT/report.json.

    Exit code 0 when every input was read, 1 when some were not (the graph of the others
    is written), 2 when none could be read (nothing is written).
    """
    from .api import build as run_build, record_inputs, update_inputs, write_outputs
    from .batch import CacheUse
    from .cache import CACHE_DIR_NAME
    from .cli_progress import ProgressBar
    from .limits import Limits

    if update:
        inputs = [Path(p) for p in update_inputs(output, inputs)]
    cache = CacheUse(output / CACHE_DIR_NAME, reuse=update)

    limits = Limits(max_bytes=max_bytes, max_chars=max_chars, chunk_chars=chunk_chars,
                    docx_max_entries=max_docx_entries, docx_max_uncompressed=max_docx_bytes, pdf_timeout=pdf_timeout)
    try:
        with ProgressBar("building") as bar:
            result = run_build(inputs, model=model, base_iri=base_iri, min_confidence=min_confidence,
                               limits=limits, workers=workers, progress=bar, cache=cache)
        for failure in result.failures:
            typer.echo(f"sopgraph: cannot read {failure.path}: {failure.status}: {failure.reason}", err=True)
        if not result.extractions:
            found = (f"none of the {len(result.statuses)} inputs could be read" if result.statuses else
                     "no input files found (folders are searched for .txt .md .html .pdf .docx)")
            typer.echo(f"sopgraph: error: {found}; nothing written to {output}", err=True)
            raise typer.Exit(code=2)
        written = write_outputs(result, output)
        record_inputs(output, inputs)
    except SopgraphError as exc:
        _fail(exc)
    entities = ", ".join(f"{n} {k}" for k, n in sorted(result.entity_counts().items()) if k != "Statement")
    relations = ", ".join(f"{n} {k}" for k, n in sorted(result.relation_counts().items()))
    typer.echo(
        f"{result.documents} document{'s' if result.documents != 1 else ''} → {result.triples} triples "
        f"| entities: {entities or 'none'} | relations: {relations or 'none'} "
        f"| failures: {len(result.failures)} | wrote {', '.join(str(p) for p in written)}"
    )
    if result.failures:
        raise typer.Exit(code=1)


class Engine(str, Enum):
    oxigraph = "oxigraph"
    rdflib = "rdflib"


@app.command()
def query(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, …) or store folder (see `load`).")],
    sparql: Annotated[Optional[str], typer.Argument(help="SPARQL query text (or use --file / --name).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="Run a named question (--list shows them).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="NAME=VALUE bound as a literal (repeatable).")] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Result format.")] = OutputFormat.table,
    engine: Annotated[Engine, typer.Option(help="Query engine: the embedded pyoxigraph store, or rdflib in memory.")] = Engine.oxigraph,
    timeout: Annotated[Optional[float], typer.Option(help="Stop the query after this many seconds.")] = None,
    allow_remote: Annotated[bool, typer.Option("--allow-remote", help="Permit SERVICE, LOAD and FROM of graphs not in the data.")] = False,
) -> None:
    """Run a SPARQL query (text, --file or --name) against GRAPH and print the results."""
    from . import queries
    from .errors import QueryError
    from .query import FORMATTERS, load_graph, run_query

    if sum(x is not None for x in (sparql, file, name)) != 1:
        typer.echo("sopgraph: error: give exactly one query: as an argument, with --file, or with --name", err=True)
        raise typer.Exit(code=2)
    try:
        params = queries.parse_params(param or [])
        if name is not None:
            named = queries.get(name)
            queries.check_params(named, params)
            text = named.text
        else:
            text = sparql if sparql is not None else _read_query_file(file)
        if engine is Engine.rdflib:
            from .store import is_store

            if is_store(graph):
                raise QueryError(f"--engine rdflib needs a graph file, but {graph} is a store; drop --engine")
            result = run_query(load_graph(graph), text, bindings=params, allow_remote=allow_remote)
        else:
            from .store import answer

            result = answer(graph, text, params, allow_remote=allow_remote, timeout=timeout)
    except SopgraphError as exc:
        _fail(exc)
    typer.echo(FORMATTERS[fmt.value](result).rstrip("\n"))


@app.command("queries")
def list_queries() -> None:
    """List the named questions `query --name` can run, with their parameters."""
    from . import queries

    for qname in queries.names():
        q = queries.get(qname)
        params = " ".join(f"--param {p}=…" for p in q.params)
        typer.echo(f"{qname:<24} {q.description}{'  [' + params + ']' if params else ''}")


@app.command()
def load(
    graph: Annotated[Path, typer.Argument(help="Graph file to load (.ttl, .nt, …).")],
    store: Annotated[Path, typer.Option("--store", "-s", help="Store folder (created when missing).")],
) -> None:
    """Load GRAPH into an on-disk pyoxigraph store, one named graph per statement (incremental)."""
    from .store import load_store

    try:
        report = load_store(graph, store)
    except SopgraphError as exc:
        _fail(exc)
    typer.echo(f"{store}: {report.quads} quads | graphs added {report.added}, replaced {report.replaced}, "
               f"removed {report.removed}, unchanged {report.unchanged}")


class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    neo4j = "neo4j"


@app.command()
def export(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, …).")],
    to: Annotated[ExportFormat, typer.Option("--to", help="Output format (neo4j writes a folder of CSVs + Cypher).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output file (folder for neo4j).")],
) -> None:
    """Write GRAPH in another RDF format, for Gephi (GraphML/GEXF) or for Neo4j."""
    from .export.formats import export as run_export

    try:
        run_export(graph, to.value, output)
    except SopgraphError as exc:
        _fail(exc)
    typer.echo(f"wrote {output}")


@app.command()
def push(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, …).")],
    endpoint: Annotated[str, typer.Option(help="SPARQL 1.1 Graph Store endpoint URL.")],
    user: Annotated[Optional[str], typer.Option(help="User name (HTTP digest, then basic auth).")] = None,
    password: Annotated[Optional[str], typer.Option(help="Password (or set SOPGRAPH_PASSWORD).", envvar="SOPGRAPH_PASSWORD")] = None,
    shared_graph: Annotated[Optional[str], typer.Option(help="Graph name for entity descriptions shared by statements.")] = None,
) -> None:
    """PUT GRAPH to a SPARQL Graph Store, one named graph per statement (pushing twice changes nothing)."""
    from .push import push_graph

    try:
        report = push_graph(graph, endpoint, user=user, password=password, shared_graph=shared_graph)
    except SopgraphError as exc:
        _fail(exc)
    typer.echo(f"pushed {len(report.pushed)} graphs ({report.triples} triples) to {endpoint}")


@app.command()
def validate(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, …).")],
    shapes: Annotated[Optional[Path], typer.Option(help="SHACL shapes (default: sopgraph's ontology/shapes.ttl).")] = None,
) -> None:
    """Check GRAPH against the SHACL shapes; exit 1 and list the violations when it does not conform."""
    from .validate import validate_graph

    try:
        report = validate_graph(graph, shapes)
    except SopgraphError as exc:
        _fail(exc)
    if report.conforms:
        typer.echo(f"{graph}: conforms ({report.triples} triples)")
        return
    for violation in report.violations:
        typer.echo(violation, err=True)
    typer.echo(f"sopgraph: error: {graph} does not conform: {len(report.violations)} violation(s)", err=True)
    raise typer.Exit(code=1)


def _read_query_file(path: Path) -> str:
    from .errors import QueryError

    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"cannot read query file {path}: {exc.strerror or exc}") from exc


@app.command()
def stats(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, …) or store folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the counts as JSON.")] = False,
) -> None:
    """Print counts per class and per property of GRAPH (a graph file or a store folder)."""
    from .query import load_graph
    from .stats import graph_stats
    from .store import is_store, store_stats

    try:
        data = store_stats(graph) if is_store(graph) else graph_stats(load_graph(graph))
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


@app.command()
def viz(
    graph: Annotated[Path, typer.Argument(help="Graph file (.ttl, .nt, .jsonld, …).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")] = Path("graph.html"),
    focus: Annotated[Optional[str], typer.Option(help="Draw only the entities near this label or alias.")] = None,
    depth: Annotated[int, typer.Option(min=0, help="With --focus: how many links away to go.")] = 2,
    max_nodes: Annotated[int, typer.Option(min=1, help="Draw at most this many entities (the most connected).")] = 1000,
    title: Annotated[Optional[str], typer.Option(help="Page heading (default: the graph file's name).")] = None,
) -> None:
    """Write GRAPH as a self-contained, offline interactive HTML page."""
    from .export.html import write_html
    from .query import load_graph

    try:
        write_html(load_graph(graph), output, title=title or f"sopgraph — {graph.name}", focus=focus,
                   depth=depth, max_nodes=max_nodes)
    except SopgraphError as exc:
        _fail(exc)
    typer.echo(f"wrote {output}")


@app.command()
def explain(
    graph: Annotated[Path, typer.Argument(help="Graph file written by `sopgraph build`.")],
    node: Annotated[str, typer.Argument(help="A label (\"Miriam Castellanos\"), an alias or an IRI.")],
    mentions: Annotated[bool, typer.Option("--mentions", help="Also list where the node is mentioned.")] = False,
) -> None:
    """Print each fact about NODE with the sentence it came from and file:line."""
    from .explain import explain as run_explain
    from .query import load_graph

    try:
        rows = run_explain(load_graph(graph), node, include_mentions=mentions)
    except SopgraphError as exc:
        _fail(exc)
    for row in rows:
        where = f"{row.file}:{row.line}" if row.line else row.file
        confidence = f", confidence {row.confidence:.2f}" if row.confidence is not None else ""
        typer.echo(f"{row.subject} —{row.property}→ {row.object}\n    {where} ({row.rule}{confidence})")
        if row.evidence:
            typer.echo(f"    “{' '.join(row.evidence.split())}”")
    typer.echo(f"({len(rows)} fact{'s' if len(rows) != 1 else ''})")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="sopgraph")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
