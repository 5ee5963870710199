"""Extraction quality on our own annotated statements (examples/ + tests/eval/docs/, and tests/eval/blind/).

Scored with the project's shared scorer; the floors sit a little under the measured
figures so that a change which loses quality fails here. Raise them as quality rises.
"""
import json
import subprocess
import sys

import pytest

from .conftest import EVAL, EXAMPLES, SHARED

SCORER = SHARED / "eval" / "score.py"
# Measured 2026-11-25 on examples/ + tests/eval/docs (21 statements, 20 applicants): relations 0.719,
# entities 0.963; applies_to 1.00, programs 0.97, prospective 0.98, studied 0.98, worked 0.97,
# mentors 0.97, papers 0.99, topics 0.481, people 0.99, organizations 0.94, venues 0.97.
FLOORS = {"relations": 0.71, "entities": 0.94}
FIELD_FLOORS = {"applies_to": 0.97, "programs": 0.92, "prospective_advisors": 0.95, "studied_at": 0.95,
                "worked_at": 0.93, "mentors": 0.92, "papers": 0.96, "topics": 0.47, "people": 0.96,
                "organizations": 0.90, "venues": 0.92}
# tests/eval/blind: 264 statements written, in forty-four rounds of six, by someone who had not read the
# code, in fields and styles the rules were not tuned on. First score of each round, before any
# change for that round: relations 0.590 / 0.504 / 0.500 / 0.423 / 0.466 / 0.655 / 0.447 / 0.591 / 0.538 /
# 0.546 / 0.473 / 0.603 / 0.577 / 0.597 / 0.615 / 0.537 / 0.517 / 0.593 / 0.684 / 0.527 / 0.540 / 0.492 / 0.615 /
# 0.642 / 0.566 / 0.650 / 0.606 / 0.510 / 0.515 / 0.616 / 0.468 / 0.558 / 0.577 / 0.671 / 0.694 / 0.643 / 0.681 / 0.635 / 0.625 / 0.574 / 0.653 / 0.629 / 0.569 / 0.363, entities 0.877 / 0.743 / 0.671 / 0.643 / 0.712 / 0.893 / 0.652 / 0.747 / 0.698 / 0.741 / 0.779 /
# 0.790 / 0.838 / 0.860 / 0.832 / 0.713 / 0.777 / 0.856 / 0.831 / 0.844 / 0.764 / 0.716 / 0.806 / 0.804 / 0.768 / 0.835 /
# 0.796 / 0.699 / 0.645 / 0.838 / 0.772 / 0.830 / 0.810 / 0.881 / 0.909 / 0.789 / 0.875 / 0.889 / 0.807 / 0.777 / 0.835 / 0.844 / 0.873 / 0.511.
# Measured on all 264 after the general fixes they prompted (2026-11-25): relations 0.697, entities 0.908;
# applies_to 0.96, programs 0.93, prospective 0.96, studied 0.93, worked 0.86, mentors 0.97, papers 0.97,
# topics 0.40, people 0.94, organizations 0.89, venues 0.89.
BLIND_FLOORS = {"relations": 0.65, "entities": 0.87}
BLIND_FIELD_FLOORS = {"applies_to": 0.93, "programs": 0.90, "prospective_advisors": 0.91, "studied_at": 0.85,
                      "worked_at": 0.80, "mentors": 0.91, "papers": 0.94, "topics": 0.37, "people": 0.90,
                      "organizations": 0.86, "venues": 0.84}
SETS = {"own": ((EXAMPLES, EVAL / "docs"), EVAL / "gold", FLOORS, FIELD_FLOORS),
        "blind": ((EVAL / "blind" / "docs",), EVAL / "blind" / "gold", BLIND_FLOORS, BLIND_FIELD_FLOORS)}


def _build(folders, out):
    from sopgraph.api import build, write_outputs

    result = build(list(folders))
    write_outputs(result, out)
    return result


def _score(out, gold):
    if not SCORER.is_file():
        pytest.skip(f"scorer not found at {SCORER} (shared/ must sit beside the repository)")
    proc = subprocess.run([sys.executable, str(SCORER), str(out / "graph.ttl"), str(gold), "--json"],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The build of each annotated set: name -> (BuildResult, output folder)."""
    runs = {}
    for name, (folders, _, _, _) in SETS.items():
        out = tmp_path_factory.mktemp(name)
        runs[name] = (_build(folders, out), out)
    return runs


@pytest.fixture(scope="module")
def scores(built):
    return {name: _score(built[name][1], SETS[name][1]) for name in SETS}


@pytest.mark.parametrize("folders, gold", [(SETS[n][0], SETS[n][1]) for n in SETS], ids=list(SETS))
def test_gold_files_cover_every_document(folders, gold):
    docs = {p.stem for folder in folders for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html")}
    assert docs == {p.stem for p in gold.glob("*.json")}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_applicant_found_once(scores, name):
    found, total = scores[name]["applicants_found"].split("/")
    assert found == total
    assert scores[name]["duplicate_applicant_nodes"] == 0


@pytest.mark.parametrize("name, summary", [(n, k) for n in sorted(SETS) for k in sorted(SETS[n][2])])
def test_quality_floor(scores, name, summary):
    assert scores[name][summary]["f1"] >= SETS[name][2][summary], json.dumps(scores[name]["fields"], indent=1)


@pytest.mark.parametrize("name, field", [(n, f) for n in sorted(SETS) for f in sorted(SETS[n][3])])
def test_field_floor(scores, name, field):
    assert scores[name]["fields"][field]["f1"] >= SETS[name][3][field], scores[name]["fields"][field]


def test_no_two_nodes_of_a_class_share_a_label(built):
    from .test_contract import shared_labels

    assert shared_labels(built["own"][0].graph) == []
