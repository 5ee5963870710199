"""Extraction quality on our own annotated statements (examples/ and tests/eval/docs/).

Scored with the project's shared scorer; the floors sit a little under the measured
figures so that a change which loses quality fails here. Raise them as quality rises.
"""
import json
import subprocess
import sys

import pytest

from .conftest import EVAL, EXAMPLES, SHARED

SCORER = SHARED / "eval" / "score.py"
# Measured 2026-11-23 on examples/ + tests/eval/docs (21 statements, 20 applicants): relations 0.707,
# entities 0.923; narrow fields 0.91-1.00, topics 0.484, people 0.99, organizations 0.90, venues 0.85.
FLOORS = {"relations": 0.68, "entities": 0.90}
FIELD_FLOORS = {"applies_to": 0.95, "programs": 0.90, "prospective_advisors": 0.92, "studied_at": 0.95,
                "worked_at": 0.88, "mentors": 0.87, "papers": 0.95, "topics": 0.47, "people": 0.95,
                "organizations": 0.87, "venues": 0.82}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The build of our annotated statements: (BuildResult, output folder)."""
    from sopgraph.api import build, write_outputs

    out = tmp_path_factory.mktemp("eval")
    result = build([EXAMPLES, EVAL / "docs"])
    write_outputs(result, out)
    return result, out


@pytest.fixture(scope="module")
def scores(built):
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER} (shared/ must sit beside the repository)")
    _, out = built
    proc = subprocess.run([sys.executable, str(SCORER), str(out / "graph.ttl"), str(EVAL / "gold"), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


def test_gold_files_cover_every_document():
    docs = {p.stem for p in list(EXAMPLES.glob("*.txt")) + list(EXAMPLES.glob("*.md")) + list((EVAL / "docs").iterdir())}
    gold = {p.stem for p in (EVAL / "gold").glob("*.json")}
    assert docs == gold


def test_every_applicant_found_once(scores):
    found, total = scores["applicants_found"].split("/")
    assert found == total
    assert scores["duplicate_applicant_nodes"] == 0


@pytest.mark.parametrize("summary", sorted(FLOORS))
def test_quality_floor(scores, summary):
    assert scores[summary]["f1"] >= FLOORS[summary], json.dumps(scores["fields"], indent=1)


@pytest.mark.parametrize("field", sorted(FIELD_FLOORS))
def test_field_floor(scores, field):
    assert scores["fields"][field]["f1"] >= FIELD_FLOORS[field], scores["fields"][field]


def test_no_two_nodes_of_a_class_share_a_label(built):
    from .test_contract import shared_labels

    assert shared_labels(built[0].graph) == []
