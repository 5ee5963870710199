"""`sopgraph push` against a real Virtuoso Open Source server on loopback.

The ``virtuoso`` fixture starts one ``virtuoso-t`` per test session on free loopback ports
with its own ``virtuoso.ini`` and database folder, creates a push user with SPARQL update
rights through ``isql-vt``, and stops the server afterwards. Needs the Debian package
``virtuoso-opensource``; the tests skip (saying so) when its binaries are absent.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pyoxigraph as ox
import pytest
import requests
from typer.testing import CliRunner

from sopgraph.cli import app
from sopgraph.errors import PushError
from sopgraph.export.dataset import group_quads
from sopgraph.push import DEFAULT_SHARED_GRAPH, push_graph

runner = CliRunner()
USER, PASSWORD = "sopgraph_push", "push-secret"

INI = """\
[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
CheckpointInterval = 0
DirsAllowed = ., {d}
NumberOfBuffers = 2000
MaxDirtyBuffers = 1500
ThreadsPerQuery = 1
[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
ServerThreads = 4
MaxClientConnections = 4
[SPARQL]
ResultSetMaxRows = 100000
"""

SETUP_SQL = (f"DB.DBA.USER_CREATE('{USER}', '{PASSWORD}'); "
             f"DB.DBA.USER_GRANT_ROLE('{USER}', 'SPARQL_UPDATE'); "
             f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{USER}', 3);")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Base URL of a running Virtuoso, with a push user; stopped at the end of the session."""
    server, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if not server or not isql:
        pytest.skip("virtuoso-t/isql-vt not installed (apt-get install virtuoso-opensource)")
    folder = tmp_path_factory.mktemp("virtuoso")
    sql, http = _free_port(), _free_port()
    (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=sql, http=http), encoding="utf-8")
    log = open(folder / "stdout.log", "wb")
    proc = subprocess.Popen([server, "-f", "-c", str(folder / "virtuoso.ini")], cwd=folder,
                            stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http}"
    try:
        deadline = time.monotonic() + 90
        while True:
            if proc.poll() is not None:
                pytest.fail(f"virtuoso-t exited with {proc.returncode}: {(folder / 'stdout.log').read_text()[-2000:]}")
            try:
                if requests.get(f"{base}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("virtuoso-t did not answer on its HTTP port within 90 s")
            time.sleep(0.3)
        done = subprocess.run([isql, f"127.0.0.1:{sql}", "dba", "dba", f"exec={SETUP_SQL}"],
                              capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout + done.stderr
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _counts(base: str) -> dict[str, int]:
    """Triples per named graph under our IRIs, asked over Virtuoso's SPARQL endpoint."""
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/sopgraph/')) } GROUP BY ?g")
    response = requests.get(f"{base}/sparql", params={"query": query},
                            headers={"Accept": "application/sparql-results+json"}, timeout=30)
    response.raise_for_status()
    rows = response.json()["results"]["bindings"]
    return {r["g"]["value"]: int(r["n"]["value"]) for r in rows}


def _expected(graph_file) -> dict[str, int]:
    return {(DEFAULT_SHARED_GRAPH if isinstance(k, ox.DefaultGraph) else k.value): len(v)
            for k, v in group_quads(graph_file).items()}


@pytest.fixture(scope="module")
def graph_file(examples_build):
    return examples_build[1] / "graph.ttl"


def test_round_trip_counts_per_named_graph(virtuoso, graph_file):
    report = push_graph(graph_file, f"{virtuoso}/sparql-graph-crud-auth", user=USER, password=PASSWORD)
    expected = _expected(graph_file)
    assert len(expected) == 6  # five statements and the shared graph
    assert sorted(report.pushed) == sorted(expected) and report.failed == []
    assert _counts(virtuoso) == expected


def test_pushing_twice_changes_nothing(virtuoso, graph_file):
    endpoint = f"{virtuoso}/sparql-graph-crud-auth"
    push_graph(graph_file, endpoint, user=USER, password=PASSWORD)
    before = _counts(virtuoso)
    push_graph(graph_file, endpoint, user=USER, password=PASSWORD)
    assert _counts(virtuoso) == before == _expected(graph_file)


def test_push_replaces_a_changed_statement_graph(virtuoso, graph_file, tmp_path):
    import rdflib

    from sopgraph.namespace import SG

    g = rdflib.Graph().parse(graph_file)
    statement = sorted(g.subjects(rdflib.RDF.type, SG.Statement))[0]
    mention = sorted(g.objects(statement, SG.mentions))[0]
    g.remove((statement, SG.mentions, mention))
    smaller = tmp_path / "smaller.ttl"
    g.serialize(smaller, format="turtle")
    push_graph(smaller, f"{virtuoso}/sparql-graph-crud-auth", user=USER, password=PASSWORD)
    counts = _counts(virtuoso)
    assert counts[str(statement)] == _expected(graph_file)[str(statement)] - 1
    push_graph(graph_file, f"{virtuoso}/sparql-graph-crud-auth", user=USER, password=PASSWORD)
    assert _counts(virtuoso) == _expected(graph_file)


def test_wrong_password_names_the_graphs_not_pushed(virtuoso, graph_file):
    with pytest.raises(PushError, match=r"pushed 0 of 6 graphs") as info:
        push_graph(graph_file, f"{virtuoso}/sparql-graph-crud-auth", user=USER, password="wrong")
    assert "HTTP 401" in str(info.value) and DEFAULT_SHARED_GRAPH in str(info.value)
    assert len(info.value.report.failed) == 6 and info.value.report.pushed == []


def test_cli_push(virtuoso, graph_file):
    result = runner.invoke(app, ["push", str(graph_file), "--endpoint", f"{virtuoso}/sparql-graph-crud-auth",
                                 "--user", USER, "--password", PASSWORD])
    assert result.exit_code == 0, result.output
    assert "pushed 6 graphs" in result.output


@pytest.mark.parametrize("kwargs, message", [
    ({"endpoint": "ftp://example.org/store"}, r"not an http\(s\) URL"),
    ({"endpoint": "http://127.0.0.1:9/store", "user": "u"}, "give both --user and --password"),
])
def test_push_refuses_bad_arguments(graph_file, kwargs, message):
    with pytest.raises(PushError, match=message):
        push_graph(graph_file, **kwargs)


def test_unreachable_endpoint_reports_every_graph(graph_file):
    port = _free_port()  # nothing listens here
    with pytest.raises(PushError, match="pushed 0 of 6 graphs") as info:
        push_graph(graph_file, f"http://127.0.0.1:{port}/store", timeout=5)
    assert "ConnectionError" in str(info.value)
