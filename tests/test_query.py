"""Named questions, parameter binding, the remote-access guard and --timeout."""
from __future__ import annotations

import json
from collections import Counter

import pytest
from typer.testing import CliRunner

from sopgraph import queries
from sopgraph.cli import app
from sopgraph.errors import QueryError
from sopgraph.query import load_graph, run_query
from sopgraph.store import answer, remote_access

from .conftest import EXAMPLES

runner = CliRunner()

PARAMS = {"name": "Eilidh Ramsay", "topic": "artificial intelligence"}
PARAMS_FOR = {"co-interest": {"name": "Amara N. Okafor"}}

SMALL = """
@prefix sg: <https://w3id.org/sopgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix ex: <https://example.org/> .
ex:s1 a sg:Statement ; rdfs:label "s1" ; sg:author ex:a1 .
ex:s2 a sg:Statement ; rdfs:label "s2" ; sg:author ex:a2 .
ex:s3 a sg:Statement ; rdfs:label "s3" ; sg:author ex:a3 .
ex:a1 a sg:Person, sg:Applicant ; rdfs:label "Ann" ; sg:prospectiveAdvisor ex:p ; sg:interestedIn ex:t .
ex:a2 a sg:Person, sg:Applicant ; rdfs:label "Bob" ; sg:prospectiveAdvisor ex:p ; sg:interestedIn ex:t .
ex:a3 a sg:Person, sg:Applicant ; rdfs:label "Cy" ; sg:prospectiveAdvisor ex:p .
ex:p a sg:Person ; rdfs:label "Prof P" .
ex:t a sg:Topic ; rdfs:label "t" .
"""


@pytest.fixture(scope="module")
def graph_file(examples_build):
    return examples_build[1] / "graph.ttl"


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    path = tmp_path_factory.mktemp("small") / "small.ttl"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_shipped_questions_are_the_documented_ones():
    assert set(queries.names()) >= {"top-advisors", "applicants-by-venue", "applicants-for-advisor",
                                    "institution-pipeline", "topic-rollup", "co-interest"}
    assert queries.get("applicants-for-advisor").params == ("name",)
    assert queries.get("topic-rollup").params == ("topic",)


@pytest.mark.parametrize("name", queries.names())
def test_store_and_rdflib_agree_on_every_named_question(graph_file, name):
    q = queries.get(name)
    params = PARAMS_FOR.get(name) or {p: PARAMS[p] for p in q.params}
    ours = answer(graph_file, q.text, params)
    theirs = run_query(load_graph(graph_file), q.text, bindings=params)
    assert ours.variables == theirs.variables
    assert Counter(ours.rows) == Counter(theirs.rows)


@pytest.mark.parametrize("name, expected", [
    ("top-advisors", ("Eilidh Ramsay", "1")),
    ("applicants-for-advisor", ("Amara N. Okafor", "Eilidh Ramsay", "Eilidh Ramsay")),
    ("topic-rollup", ("Amara N. Okafor", "large language models", "artificial intelligence")),
])
def test_named_questions_find_known_facts(graph_file, name, expected):
    q = queries.get(name)
    rows = answer(graph_file, q.text, {p: PARAMS[p] for p in q.params}).rows
    assert expected in rows


@pytest.mark.parametrize("name, expected", [
    ("Ann", (("Ann", "Bob", "2"), ("Ann", "Cy", "1"))),
    ("Cy", (("Cy", "Ann", "1"), ("Cy", "Bob", "1"))),
    ("Nobody", ()),
])
def test_co_interest_counts_shared_advisors_and_topics(small, name, expected):
    assert answer(small, queries.get("co-interest").text, {"name": name}).rows == expected


@pytest.mark.parametrize("value", ['x" } UNION { ?a ?b ?c', "Prof P\" . ?s ?p ?o . #", "<https://example.org/p>"])
def test_parameters_are_bound_not_pasted(small, value):
    rows = answer(small, queries.get("applicants-for-advisor").text, {"name": value}).rows
    assert rows == ()


def test_parameter_binding_matches_exact_label(small):
    rows = answer(small, queries.get("applicants-for-advisor").text, {"name": "Prof P"}).rows
    assert [r[0] for r in rows] == ["Ann", "Bob", "Cy"]


@pytest.mark.parametrize("sparql, reason", [
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("select * where { service <http://x/> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * FROM <http://example.org/remote.ttl> WHERE { ?s ?p ?o }", "FROM <http://example.org/remote.ttl>"),
    ("PREFIX ex: <http://evil.example/> SELECT * FROM NAMED ex:g WHERE { GRAPH ?g { ?s ?p ?o } }", "FROM <http://evil.example/g>"),
    ("LOAD <http://example.org/data.ttl>", "LOAD"),
])
def test_remote_access_is_refused(small, sparql, reason):
    with pytest.raises(QueryError, match="refused") as info:
        answer(small, sparql)
    assert reason in str(info.value)
    with pytest.raises(QueryError, match="refused"):
        run_query(load_graph(small), sparql, allow_remote=False)


@pytest.mark.parametrize("sparql", [
    'SELECT ?s WHERE { ?s ?p "SERVICE and LOAD" }',
    "SELECT ?service WHERE { ?service ?p ?o } # FROM <http://x/>",
    "SELECT * WHERE { ?s <http://example.org/service> ?o }",
])
def test_keywords_in_strings_comments_and_names_are_not_remote(sparql):
    assert remote_access(sparql) is None


def test_from_a_statement_graph_in_the_data_is_local(small):
    sparql = "SELECT ?p ?o FROM <https://example.org/s1> WHERE { <https://example.org/s1> ?p ?o }"
    assert len(answer(small, sparql).rows) == 3


def test_timeout_stops_a_runaway_query(small):
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with pytest.raises(QueryError, match="--timeout"):
        answer(small, slow, timeout=0.5)


def test_timeout_returns_answers_that_finish(small):
    assert answer(small, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=30).rows == (("27",),)


def test_errors_from_the_child_process_are_raised(small):
    with pytest.raises(QueryError, match="SPARQL query failed"):
        answer(small, "SELECT WHERE", timeout=30)


@pytest.mark.parametrize("args, code, text", [
    (["--name", "top-advisors", "--format", "json"], 0, '"advisor": "Eilidh Ramsay"'),
    (["--name", "applicants-for-advisor", "--param", "name=Eilidh Ramsay", "--format", "csv"], 0, "Amara N. Okafor"),
    (["--name", "applicants-for-advisor"], 1, "needs --param name=VALUE"),
    (["--name", "top-advisors", "--param", "who=x"], 1, "has no parameter 'who'"),
    (["--name", "top-advisors", "--param", "novalue"], 1, "is not NAME=VALUE"),
    (["--name", "no-such-question"], 1, "choose one of"),
    (["SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }"], 1, "--allow-remote"),
    (["SELECT * WHERE { ?s ?p ?o }", "--name", "top-advisors"], 2, "exactly one query"),
])
def test_query_cli(graph_file, args, code, text):
    result = runner.invoke(app, ["query", str(graph_file), *args])
    assert result.exit_code == code, result.output
    assert text in result.output
    if code == 1:
        assert result.output.count("\n") == 1


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_both_engines_from_the_cli(graph_file, engine):
    result = runner.invoke(app, ["query", str(graph_file), "--engine", engine, "--format", "json",
                                 "--name", "applicants-by-venue"])
    assert result.exit_code == 0, result.output
    assert {"venue": "CVPR", "applicants": "1"} in json.loads(result.output)


def test_queries_command_lists_questions_and_parameters():
    result = runner.invoke(app, ["queries"])
    assert result.exit_code == 0
    assert "top-advisors" in result.output and "--param topic=" in result.output


EXAMPLE_QUERIES = sorted((EXAMPLES / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", EXAMPLE_QUERIES, ids=lambda p: p.stem)
def test_example_queries_give_the_same_answers_in_both_engines(graph_file, path):
    text = path.read_text(encoding="utf-8")
    ours = answer(graph_file, text)
    theirs = run_query(load_graph(graph_file), text)
    assert ours.variables == theirs.variables
    assert Counter(ours.rows) == Counter(theirs.rows)
