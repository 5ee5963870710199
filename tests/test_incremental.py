"""`build --update`: new and changed statements only are parsed; the output equals a full rebuild."""
import shutil

import pytest
from typer.testing import CliRunner

from sopgraph.api import build
from sopgraph.batch import CacheUse
from sopgraph.cli import app
from sopgraph.extract import Extractor

from .conftest import EXAMPLES

runner = CliRunner()


@pytest.fixture()
def corpus(tmp_path):
    a, c = tmp_path / "a", tmp_path / "c"
    a.mkdir()
    c.mkdir()
    shutil.copy(EXAMPLES / "lucas_moreau_ms_datascience.txt", a)
    shutil.copy(EXAMPLES / "amara_okafor_ms_fallback.txt", a)
    shutil.copy(EXAMPLES / "priya_raman_research_internship.txt", c)
    return a, c


def _build(*args):
    result = runner.invoke(app, ["build", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def _same_outputs(one, two):
    for name in ("graph.ttl", "graph.html"):
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_adding_a_statement_equals_a_full_rebuild(corpus, tmp_path):
    a, c = corpus
    _build(a, "-o", tmp_path / "inc")
    _build(c, "--update", "-o", tmp_path / "inc")
    _build(a, c, "-o", tmp_path / "full")
    _same_outputs(tmp_path / "inc", tmp_path / "full")


def test_a_changed_statement_replaces_its_own_facts(corpus, tmp_path):
    a, c = corpus
    _build(a, c, "-o", tmp_path / "inc")
    letter = c / "priya_raman_research_internship.txt"
    letter.write_text(letter.read_text(encoding="utf-8").replace("Snap Inc.", "Quillfeather Labs"), encoding="utf-8")
    _build("--update", a, "-o", tmp_path / "inc")  # the manifest brings c back in
    _build(a, c, "-o", tmp_path / "full")
    _same_outputs(tmp_path / "inc", tmp_path / "full")
    ttl = (tmp_path / "inc" / "graph.ttl").read_text(encoding="utf-8")
    assert "Quillfeather Labs" in ttl and "Snap Inc." not in ttl


def _count_parsing(monkeypatch) -> list[str]:
    """Patch extraction to record the name of every document it parses."""
    parsed: list[str] = []
    original = Extractor.extract_all

    def counting(self, documents, *args, **kwargs):
        documents = list(documents)
        parsed.extend(d.name for d in documents)
        return original(self, documents, *args, **kwargs)

    monkeypatch.setattr(Extractor, "extract_all", counting)
    return parsed


@pytest.mark.parametrize("reuse, expected", [
    (True, ["priya_raman_research_internship.txt"]),
    (False, ["amara_okafor_ms_fallback.txt", "lucas_moreau_ms_datascience.txt", "priya_raman_research_internship.txt"]),
])
def test_only_new_statements_are_parsed_on_update(corpus, tmp_path, monkeypatch, reuse, expected):
    a, c = corpus
    build([a], cache=CacheUse(tmp_path / "cache", reuse=reuse))
    parsed = _count_parsing(monkeypatch)
    result = build([a, c], cache=CacheUse(tmp_path / "cache", reuse=reuse))
    assert result.documents == 3
    assert sorted(parsed) == expected
