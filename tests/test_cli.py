import json
import subprocess
import sys

import pyoxigraph
import pytest
import rdflib
from typer.testing import CliRunner

from sopgraph.cli import app

from .conftest import EXAMPLES, ROOT

runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-build")
    result = runner.invoke(app, ["build", str(EXAMPLES), "--output", str(out)])
    return result, out


def test_build_writes_ttl_and_html_and_summary(built):
    result, out = built
    assert result.exit_code == 0, result.output
    assert (out / "graph.ttl").stat().st_size > 0
    assert (out / "graph.html").stat().st_size > 0
    assert "5 documents" in result.output
    assert "Applicant" in result.output and "failures: 0" in result.output


def test_turtle_parses_with_rdflib_and_pyoxigraph_to_same_count(built):
    _, out = built
    g = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    oxi = list(pyoxigraph.parse(path=str(out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE))
    assert len(g) == len(oxi) > 100


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_formats(built, fmt):
    _, out = built
    q = "PREFIX sg: <https://w3id.org/sopgraph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?a a sg:Applicant }"
    result = runner.invoke(app, ["query", str(out / "graph.ttl"), q, "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        assert json.loads(result.output) == [{"n": "4"}]
    elif fmt == "csv":
        assert result.output.splitlines() == ["n", "4"]
    else:
        assert "(1 row)" in result.output and "4" in result.output


def test_query_from_file(built):
    _, out = built
    result = runner.invoke(app, ["query", str(out / "graph.ttl"), "--file", str(EXAMPLES / "queries" / "top-advisors.rq")])
    assert result.exit_code == 0, result.output
    assert "prof" in result.output


@pytest.mark.parametrize(
    "args, message",
    [
        (["query", "missing.ttl", "SELECT * WHERE {?s ?p ?o}"], "does not exist"),
        (["query", "{ttl}", "SELECT WHERE"], "SPARQL query failed"),
        (["stats", "missing.ttl"], "does not exist"),
    ],
)
def test_errors_are_one_line_and_nonzero(built, args, message):
    _, out = built
    args = [a.replace("{ttl}", str(out / "graph.ttl")) for a in args]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert message in result.output
    assert result.output.count("\n") == 1


def test_query_needs_exactly_one_query_source(built):
    _, out = built
    result = runner.invoke(app, ["query", str(out / "graph.ttl")])
    assert result.exit_code == 2


def test_stats_counts_classes_and_properties(built):
    _, out = built
    result = runner.invoke(app, ["stats", str(out / "graph.ttl"), "--json"])
    data = json.loads(result.output)
    assert data["classes"]["sg:Applicant"] == 4
    assert data["classes"]["sg:Statement"] == 5
    assert data["properties"]["sg:author"] == 5


def test_unreadable_inputs_are_reported_and_others_still_built(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("STATEMENT OF PURPOSE\n\nJane Roe\n\nI am applying to the PhD program at Stanford University "
                    "because I want to study robotics and reinforcement learning with Prof. Alan Smithee.\n",
                    encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(b"\x00\xff\x00\x10" * 50)
    out = tmp_path / "out"
    result = runner.invoke(app, ["build", str(tmp_path / "in"), str(tmp_path / "missing.md"), "--output", str(out)])
    assert result.exit_code == 1
    errors = [l for l in result.output.splitlines() if l.startswith("sopgraph: cannot read")]
    assert len(errors) == 2
    assert any("binary.txt" in l and "binary" in l for l in errors)
    assert any("missing.md" in l and "no such file" in l for l in errors)
    g = rdflib.Graph().parse(out / "graph.ttl")
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    assert "Jane Roe" in labels


def test_every_command_has_help():
    for command in ("build", "query", "stats"):
        result = runner.invoke(app, [command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_unknown_model_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["build", str(EXAMPLES), "--model", "no_such_model_xyz", "--output", str(tmp_path)])
    assert result.exit_code == 1
    assert "no_such_model_xyz" in result.output


def test_python_dash_m_entry_point():
    proc = subprocess.run([sys.executable, "-m", "sopgraph", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0 and proc.stdout.startswith("sopgraph ")
