import pytest
import rdflib
from typer.testing import CliRunner

from sopgraph.cli import app
from sopgraph.errors import QueryError
from sopgraph.explain import explain

runner = CliRunner()


@pytest.fixture(scope="module")
def graph(examples_build):
    _, out = examples_build
    return rdflib.Graph().parse(out / "graph.ttl")


@pytest.mark.parametrize("name", ["Miriam Castellanos", "miriam castellanos", "Castellanos"])
def test_explain_by_label_or_alias(graph, name):
    rows = explain(graph, name)
    advisor = [r for r in rows if r.property == "prospectiveAdvisor"]
    assert advisor and advisor[0].file == "amara_okafor_phd_cs.md"
    assert advisor[0].line and advisor[0].start is not None and "Castellanos" in advisor[0].evidence


def test_explain_by_iri(graph):
    iri = next(s for s, o in graph.subject_objects(rdflib.RDFS.label) if str(o) == "Miriam Castellanos")
    assert explain(graph, str(iri)) == explain(graph, "Miriam Castellanos")


def test_line_numbers_match_the_file(graph):
    from .conftest import EXAMPLES

    for row in explain(graph, "Miriam Castellanos"):
        if row.line:
            lines = (EXAMPLES / row.file).read_text(encoding="utf-8").split("\n")
            assert "Castellanos" in lines[row.line - 1] or "Castellanos" in "".join(lines[row.line - 1:row.line + 2])


def test_unknown_node_is_an_error(graph):
    with pytest.raises(QueryError, match="Nobody Here"):
        explain(graph, "Nobody Here")


def test_explain_cli(examples_build):
    _, out = examples_build
    result = runner.invoke(app, ["explain", str(out / "graph.ttl"), "Miriam Castellanos"])
    assert result.exit_code == 0, result.output
    assert "prospectiveAdvisor" in result.output and "amara_okafor_phd_cs.md:" in result.output
    bad = runner.invoke(app, ["explain", str(out / "graph.ttl"), "Nobody Here"])
    assert bad.exit_code == 1 and "Nobody Here" in bad.output
