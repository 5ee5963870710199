"""The embedded pyoxigraph store: load a graph into it, and answer SPARQL over it fast.

A *source* is either a graph file (loaded into an in-memory store for one query) or a store
directory written by :func:`load_store`. Either way the default graph holds the whole graph,
exactly as ``graph.ttl``, and each statement's own triples (see :mod:`sopgraph.export.dataset`)
are also kept in a named graph called after the statement (what it said, its assertions
and the facts they reify). Queries run on the default graph:
asking pyoxigraph for the union of all graphs instead was 10-50x slower on disk.
"""
from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib

from .errors import GraphLoadError, QueryError, StoreError
from .export.dataset import ASSERTION, DERIVED_FROM, RDF_TYPE, REIFICATION_PARTS, STATEMENT, Ownership, ox_format
from .query import QueryResult

def _copy_statement_graphs(store: ox.Store) -> None:
    """Copy what each statement owns (see :mod:`sopgraph.export.dataset`) from the default graph into its graph.

    Only the triples that decide ownership and the owned triples themselves are read,
    through the store's indexes, and bulk-inserted: twice as fast as the equivalent SPARQL
    ``INSERT … WHERE`` on a large store.
    """
    default = ox.DefaultGraph()
    owned = Ownership()
    for predicate, obj in ((RDF_TYPE, STATEMENT), (RDF_TYPE, ASSERTION), (DERIVED_FROM, None),
                           *((part, None) for part in REIFICATION_PARTS)):
        for q in store.quads_for_pattern(None, predicate, obj, default):
            owned.add(q.triple)
    triples = [q.triple for subject in sorted(owned.owned_subjects(), key=str)
               for q in store.quads_for_pattern(subject, None, None, default)]
    triples += [t for t in sorted(owned.facts(), key=str) if ox.Quad(t.subject, t.predicate, t.object, default) in store]
    store.bulk_extend(ox.Quad(t.subject, t.predicate, t.object, g) for t in triples for g in owned.graphs_of(t))


@dataclass(frozen=True)
class LoadReport:
    """What :func:`load_store` changed: graph names added, replaced, removed, left alone."""

    added: int
    replaced: int
    removed: int
    unchanged: int
    quads: int


def is_store(path: Path) -> bool:
    """True when ``path`` is a directory holding a pyoxigraph (RocksDB) store."""
    path = Path(path)
    return path.is_dir() and (path / "CURRENT").is_file()


def memory_dataset(graph_path: Path) -> ox.Store:
    """Bulk-load a graph file into an in-memory store, one named graph per statement."""
    graph_path = Path(graph_path)
    if not graph_path.is_file():
        raise GraphLoadError(f"graph file {graph_path} does not exist; build one first with `sopgraph build INPUT --output DIR`")
    store = ox.Store()
    try:
        store.bulk_load(path=str(graph_path), format=ox_format(graph_path))
    except (SyntaxError, ValueError, OSError) as exc:
        raise GraphLoadError(f"cannot parse {graph_path}: {exc}") from exc
    _copy_statement_graphs(store)
    return store


def _triples(store: ox.Store, name) -> set[ox.Triple]:
    return {q.triple for q in store.quads_for_pattern(None, None, None, name)}


def load_store(graph_path: Path, store_dir: Path) -> LoadReport:
    """Load ``graph_path`` into the store at ``store_dir`` (created when missing).

    The store mirrors the graph file afterwards. Only statement graphs whose triples changed
    are rewritten and only changed triples of the default graph are removed or added, so
    reloading after an incremental build touches only what changed; statements no longer in
    the file are removed. Counts in the report are of statement graphs.
    """
    store_dir, graph_path = Path(store_dir), Path(graph_path)
    if not graph_path.is_file():  # before creating an empty store
        raise GraphLoadError(f"graph file {graph_path} does not exist; build one first with `sopgraph build INPUT --output DIR`")
    if store_dir.exists() and not store_dir.is_dir():
        raise StoreError(f"store path {store_dir} is a file; give a directory for --store")
    fresh = not is_store(store_dir)
    if store_dir.is_dir() and fresh and any(store_dir.iterdir()):
        raise StoreError(f"{store_dir} is a non-empty directory but not a sopgraph store; choose an empty or new directory")
    try:
        disk = ox.Store(str(store_dir))
    except OSError as exc:
        raise StoreError(f"cannot open store {store_dir}: {exc}") from exc
    try:
        if fresh:
            # Fast path: parse and index in Rust, then copy statement triples into their graphs.
            try:
                disk.bulk_load(path=str(graph_path), format=ox_format(graph_path))
            except (SyntaxError, ValueError, OSError) as exc:
                raise GraphLoadError(f"cannot parse {graph_path}: {exc}") from exc
            _copy_statement_graphs(disk)
            disk.flush()
            return LoadReport(added=len(list(disk.named_graphs())), replaced=0, removed=0, unchanged=0,
                              quads=len(disk))
        new = memory_dataset(graph_path)
        added = replaced = removed = unchanged = 0
        new_names, old_names = set(new.named_graphs()), set(disk.named_graphs())
        for name in old_names - new_names:
            disk.remove_graph(name)
            removed += 1
        for name in new_names:
            triples = _triples(new, name)
            if name in old_names:
                if _triples(disk, name) == triples:
                    unchanged += 1
                    continue
                disk.clear_graph(name)
                replaced += 1
            else:
                added += 1
            disk.extend(ox.Quad(t.subject, t.predicate, t.object, name) for t in triples)
        default = ox.DefaultGraph()
        old_triples, new_triples = _triples(disk, default), _triples(new, default)
        for t in old_triples - new_triples:
            disk.remove(ox.Quad(t.subject, t.predicate, t.object, default))
        disk.extend(ox.Quad(t.subject, t.predicate, t.object, default) for t in new_triples - old_triples)
        disk.flush()
        return LoadReport(added=added, replaced=replaced, removed=removed, unchanged=unchanged, quads=len(disk))
    finally:
        del disk


def open_source(source: Path) -> ox.Store:
    """A store to query: the store directory itself (read-only) or a graph file loaded in memory."""
    source = Path(source)
    if source.is_dir():
        if not is_store(source):
            raise StoreError(f"{source} is a directory but not a sopgraph store; create one with `sopgraph load GRAPH --store {source}`")
        try:
            return ox.Store.read_only(str(source))
        except OSError as exc:
            raise StoreError(f"cannot open store {source}: {exc}") from exc
    return memory_dataset(source)


# --- guarding queries against remote access -------------------------------------------------

_NOISE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
_PREFIX = re.compile(r"PREFIX\s+([\w.-]*):\s*<([^>]*)>", re.IGNORECASE)
_FROM = re.compile(r"(?<![\w?$:])FROM\s+(?:NAMED\s+)?(<[^>]*>|[\w.-]*:[\w.-]*)", re.IGNORECASE)
_KEYWORD = re.compile(r"(?<![\w?$:])(SERVICE|LOAD)(?![\w:])", re.IGNORECASE)


def remote_access(sparql: str, is_local: Callable[[str], bool] = lambda iri: False) -> str | None:
    """Why ``sparql`` would reach outside the data (SERVICE, LOAD, FROM a graph we do not hold), or None.

    ``is_local(iri)`` says whether a graph named in FROM is held locally.
    """
    def blank(match: re.Match) -> str:
        token = match.group(0)
        return token if token.startswith("<") else " "

    text = _NOISE.sub(blank, sparql)  # drop strings and comments, keep IRIs
    prefixes = {p: iri for p, iri in _PREFIX.findall(text)}
    for target in _FROM.findall(text):
        iri = target[1:-1] if target.startswith("<") else None
        if iri is None:
            prefix, _, local = target.partition(":")
            iri = prefixes[prefix] + local if prefix in prefixes else target
        if not is_local(iri):
            return f"FROM <{iri}> names a graph that is not in the data"
    bare = re.sub(r"<[^<>\s]*>", " ", text)  # keywords inside IRIs do not count
    found = _KEYWORD.search(bare)
    if found:
        return f"{found.group(1).upper()} reaches outside the data"
    return None


# --- running queries -------------------------------------------------------------------------

def _text(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        return term.value
    return str(term)


def _bind(params: Mapping[str, str] | None) -> dict:
    return {ox.Variable(name): ox.Literal(value) for name, value in (params or {}).items()}


def query_store(store: ox.Store, sparql: str, params: Mapping[str, str] | None = None,
                allow_remote: bool = False) -> QueryResult:
    """Run SELECT/ASK/CONSTRUCT/DESCRIBE on ``store``; ``params`` are bound as plain literals.

    Parameters are substituted by the engine (never pasted into the text), so a value
    cannot change the query. Remote access is refused unless ``allow_remote``.
    """
    if not allow_remote:
        reason = remote_access(sparql, lambda iri: store.contains_named_graph(ox.NamedNode(iri)))
        if reason:
            raise QueryError(f"query refused: {reason}; pass --allow-remote if you mean it")
    try:
        result = store.query(sparql, substitutions=_bind(params))
        if isinstance(result, ox.QueryBoolean):
            return QueryResult(("ask",), ((str(bool(result)).lower(),),))
        if isinstance(result, ox.QueryTriples):
            rows = tuple(sorted((_text(t.subject), _text(t.predicate), _text(t.object)) for t in result))
            return QueryResult(("subject", "predicate", "object"), rows)
        variables = tuple(v.value for v in result.variables)
        rows = tuple(tuple(_text(sol[v]) for v in variables) for sol in result)
    except (SyntaxError, ValueError, OSError, TypeError, RuntimeError) as exc:
        raise QueryError(f"SPARQL query failed: {exc}".replace("\n", " ")) from exc
    return QueryResult(variables, rows)


def _child(conn, source: Path, sparql: str, params, allow_remote: bool) -> None:
    try:
        conn.send(("ok", query_store(open_source(source), sparql, params, allow_remote)))
    except BaseException as exc:  # sent back to the parent, which re-raises it
        conn.send(("error", exc))
    finally:
        conn.close()


def answer(source: Path, sparql: str, params: Mapping[str, str] | None = None,
           allow_remote: bool = False, timeout: float | None = None) -> QueryResult:
    """Answer ``sparql`` over a graph file or store directory.

    With ``timeout`` (seconds) the query runs in a child process that is killed when time
    runs out: pyoxigraph cannot cancel a running query, and a process can always be stopped.
    """
    if timeout is None:
        return query_store(open_source(source), sparql, params, allow_remote)
    if timeout <= 0:
        raise QueryError(f"--timeout must be positive, got {timeout}")
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, Path(source), sparql, dict(params or {}), allow_remote), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout):
            proc.kill()
            raise QueryError(f"query stopped after the --timeout of {timeout:g} s; narrow it or raise --timeout")
        try:
            status, payload = parent.recv()
        except EOFError as exc:
            raise QueryError("query process died without an answer") from exc
    finally:
        proc.join(5)
        parent.close()
    if status == "error":
        raise payload
    return payload


def _qname(iri: str, names=None) -> str:
    """``sg:Applicant`` for an IRI, with the prefixes rdflib and sopgraph bind (as ``stats`` of a file)."""
    return names.qname(rdflib.URIRef(iri)) if names is not None else iri


def _namespaces():
    from .graph import new_graph  # binds sg, schema, skos, owl beside rdflib's defaults

    return new_graph().namespace_manager


def store_stats(source: Path) -> dict[str, object]:
    """The counts ``sopgraph stats`` prints (as :func:`sopgraph.stats.graph_stats`), computed in the store."""
    store = open_source(source)
    names = _namespaces()
    triples = next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value
    classes = {_qname(s["c"].value, names): int(s["n"].value) for s in store.query(
        "SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c FILTER(isIRI(?c)) } GROUP BY ?c")}
    props = {_qname(s["p"].value, names): int(s["n"].value) for s in store.query(
        "SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?p")}
    return {"triples": int(triples), "classes": dict(sorted(classes.items())), "properties": dict(sorted(props.items()))}
