"""Tests of the organization/venue gazetteers and of the script that builds them."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from sopgraph import gazetteer as gz
from sopgraph.gazetteer import Gazetteer, is_case_sensitive, normalize, strip_edition

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "sopgraph" / "data" / "gazetteers"
SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
ORG_KEYS = {"id", "name", "type", "aliases", "country", "country_code", "domains", "url", "parent"}
VENUE_KEYS = {"id", "name", "full_name", "aliases", "type"}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _records(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


# --------------------------------------------------------------------------- the data ----
@pytest.mark.parametrize("filename, keys, types", [
    ("organizations.jsonl", ORG_KEYS, {"University", "Company", "ResearchGroup", "Organization"}),
    ("venues.jsonl", VENUE_KEYS, {"conference", "workshop", "journal", "preprint"}),
])
def test_records_have_required_keys_and_unique_sorted_ids(filename, keys, types):
    records = _records(filename)
    assert len(records) > 1000
    ids = [r["id"] for r in records]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for record in records:
        assert set(record) == keys, record["id"]
        assert record["type"] in types, record["id"]
        assert record["name"] and record["name"] not in record["aliases"], record["id"]
        assert all(isinstance(a, str) and a for a in record["aliases"]), record["id"]


def test_org_parents_exist_and_countries_come_with_codes():
    records = _records("organizations.jsonl")
    ids = {r["id"] for r in records}
    for record in records:
        assert record["parent"] is None or record["parent"] in ids, record["id"]
        assert (record["country"] is None) == (record["country_code"] is None), record["id"]
    labs = [r for r in records if r["type"] == "ResearchGroup" and r["name"].startswith("Google")]
    assert labs and all(r["parent"] == "google" for r in labs)


def test_namesakes_in_two_countries_keep_their_name_with_country_ids():
    records = [r for r in _records("organizations.jsonl") if r["name"] == "Lincoln University"]
    assert sorted(r["id"] for r in records) == ["lincoln-university-nz", "lincoln-university-us"]


# ----------------------------------------------------------------------- normalisation ----
@pytest.mark.parametrize("text, key", [
    ("Universität Zürich", "universitat zurich"),
    ("The University of Texas at Austin", "university of texas at austin"),
    ("Texas A&M University", "texas a and m university"),
    ("Univ. of Michigan", "university of michigan"),
    ("St. John's College", "saint johns college"),
    ("Birla Institute of Technology, Mesra", "birla institute of technology mesra"),
    ("Birla Institute of Technology - Mesra", "birla institute of technology mesra"),
    # the ʻokina and the modifier apostrophe mark a glottal stop, left out of the ASCII spelling
    ("University of Hawaiʻi at Mānoa", "university of hawaii at manoa"),
    ("Widgetʼi Institute", "widgeti institute"),
])
def test_normalize(text, key):
    assert normalize(text) == key


@pytest.mark.parametrize("text, stripped", [
    ("NeurIPS '19", "NeurIPS"),
    ("CVPR 2020", "CVPR"),
    ("ICML2020", "ICML"),
    ("Proc. of ICML", "ICML"),
    ("In ICASSP", "ICASSP"),
    ("Proceedings of the 37th International Conference on Machine Learning",
     "International Conference on Machine Learning"),
    ("The Thirty-Fourth AAAI Conference on Artificial Intelligence",
     "AAAI Conference on Artificial Intelligence"),
    ("Advances in Neural Information Processing Systems 32",
     "Advances in Neural Information Processing Systems"),
    ("arXiv preprint arXiv:2001.08361v2", "arXiv preprint"),
    ("Interspeech", "Interspeech"),
])
def test_strip_edition(text, stripped):
    assert strip_edition(text) == stripped


@pytest.mark.parametrize("alias, expected", [
    ("MIT", True), ("FAIR", True), ("3DV", True), ("Apple", True), ("Nature", True),
    ("NeurIPS", False), ("UMich", False), ("ICASSP", False), ("UC Berkeley", False),
])
def test_case_sensitivity_rule(alias, expected):
    assert is_case_sensitive(alias) is expected


# ------------------------------------------------------------------ organization lookup ----
@pytest.mark.parametrize("name, org_id", [
    ("MIT", "massachusetts-institute-of-technology"),
    ("CMU", "carnegie-mellon-university"),
    ("Carnegie Mellon", "carnegie-mellon-university"),
    ("UC Berkeley", "university-of-california-berkeley"),
    ("UC-Berkeley", "university-of-california-berkeley"),
    ("University of California at Berkeley", "university-of-california-berkeley"),
    ("UCLA", "university-of-california-los-angeles"),
    ("UIUC", "university-of-illinois-urbana-champaign"),
    ("UMich", "university-of-michigan"),
    ("UT Austin", "the-university-of-texas-at-austin"),
    ("University of Texas at Austin", "the-university-of-texas-at-austin"),
    ("UW-Madison", "university-of-wisconsin-madison"),
    ("UMass Amherst", "university-of-massachusetts-at-amherst"),
    ("IIT Bombay", "indian-institute-of-technology-bombay"),
    ("Indian Institute of Technology Bombay", "indian-institute-of-technology-bombay"),
    ("IIT Ropar", "indian-institute-of-technology-ropar-iit-ropar"),
    ("NIT Trichy", "national-institute-of-technology-trichy"),
    ("BIT Mesra", "birla-institute-of-technology-ranchi"),
    ("Birla Institute of Technology - Mesra", "birla-institute-of-technology-ranchi"),
    ("ETH Zürich", "eth-zurich"),
    ("Universität Zürich", "university-of-zurich"),
    ("TU Munich", "technical-university-of-munich"),
    ("Katholieke Universiteit Leuven", "ku-leuven"),
    ("Tokyo University", "university-of-tokyo"),
    ("MBZUAI", "mohamed-bin-zayed-university-of-artificial-intelligence"),
    ("Northeastern University", "northeastern-university-us"),
    ("Northeastern University (China)", "northeastern-university-cn"),
    ("Queens University", "queens-university-ca"),
    ("Google Brain", "google-brain"),
    ("DeepMind", "google-deepmind"),
    ("FAIR", "meta-ai"),
    ("Facebook AI Research", "meta-ai"),
    ("MSR", "microsoft-research"),
    ("Huawei Noah’s Ark Lab", "huawei-noahs-ark-lab"),
    ("AI2", "allen-institute-for-ai"),
    ("MPI for Intelligent Systems", "max-planck-institute-for-intelligent-systems"),
    ("Scripps Research", "scripps-research-institute"),
])
def test_find_org(gaz, name, org_id):
    entry = gaz.find_org(name)
    assert entry is not None and entry.id == org_id


@pytest.mark.parametrize("name", ["mit", "fair", "apple", "Mit", "University", "Zurich"])
def test_find_org_rejects_wrong_case_and_fragments(gaz, name):
    assert gaz.find_org(name) is None


@pytest.mark.parametrize("name, expected", [
    ("Lincoln University", {"lincoln-university-nz", "lincoln-university-us"}),
    ("Arab Open University", {"arab-open-university-eg", "arab-open-university-jo"}),
    ("WCU", {"west-coast-university-bz", "west-coast-university-pa"}),
])
def test_ambiguous_org_names_are_kept_out_of_exact_lookup(gaz, name, expected):
    assert gaz.find_org(name) is None
    assert expected <= {e.id for e in gaz.org_candidates(name)}
    assert all(text != name for text, _, _ in gaz.org_phrases())


def test_preferred_namesake_is_found_and_the_other_stays_a_candidate(gaz):
    candidates = [e.id for e in gaz.org_candidates("Korea University")]
    assert candidates[0] == "korea-university-kr" and "korea-university-jp" in candidates


@pytest.mark.parametrize("address, org_id", [
    ("jdoe@cs.cmu.edu", "carnegie-mellon-university"),
    ("JDoe@CS.Stanford.EDU", "stanford-university"),
    ("https://www.eecs.berkeley.edu/~someone/", "university-of-california-berkeley"),
    ("cse.iitb.ac.in", "indian-institute-of-technology-bombay"),
    ("someone@research.google", "google-research"),
    ("someone@google.com", "google"),
    ("<jdoe@cs.cmu.edu>", "carnegie-mellon-university"),
])
def test_org_by_domain(gaz, address, org_id):
    entry = gaz.org_by_domain(address)
    assert entry is not None and entry.id == org_id


@pytest.mark.parametrize("address", ["someone@gmail.com", "ac.uk", "", "not an address"])
def test_org_by_domain_unknown(gaz, address):
    assert gaz.org_by_domain(address) is None


# ------------------------------------------------------------------------ venue lookup ----
@pytest.mark.parametrize("mention, venue_id", [
    ("NeurIPS '19", "neurips"),
    ("NIPS 2018", "neurips"),
    ("Advances in Neural Information Processing Systems 32", "neurips"),
    ("Proceedings of the 33rd Conference on Neural Information Processing Systems", "neurips"),
    ("CVPR 2020", "cvpr"),
    ("Proc. of CVPR", "cvpr"),
    ("Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition", "cvpr"),
    ("CVPR 2020 Workshops", "cvpr-workshops"),
    ("CVPRW", "cvpr-workshops"),
    ("NeurIPS 2021 Workshop on Distribution Shifts", "neurips-workshops"),
    ("Proc. of ICML", "icml"),
    ("Proceedings of the 37th International Conference on Machine Learning", "icml"),
    ("In ICASSP", "icassp"),
    ("2019 IEEE Global Conference on Signal and Information Processing (GlobalSIP)", "globalsip"),
    ("The Twelfth International Conference on Learning Representations", "iclr"),
    ("Thirty-Fourth AAAI Conference on Artificial Intelligence", "aaai"),
    ("ACL 2020", "acl"),
    ("Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics",
     "acl"),
    ("Findings of the Association for Computational Linguistics: EMNLP 2020", "findings-of-acl"),
    ("NAACL-HLT 2019", "naacl"),
    ("INTERSPEECH 2020", "interspeech"),
    ("TheWebConf", "www"),
    ("KDD '20", "kdd"),
    ("Robotics: Science and Systems", "rss"),
    ("WACV 2021", "wacv"),
    ("3DV", "3dv"),
    ("ISBI 2021", "isbi"),
    ("Proceedings of the National Academy of Sciences", "pnas"),
    ("IEEE TPAMI", "tpami"),
    ("Nature Communications", "nature-communications"),
    ("The Lancet", "the-lancet"),
    ("arXiv preprint arXiv:2001.08361", "arxiv"),
    ("CoRR abs/2001.08361", "arxiv"),
    ("bioRxiv", "biorxiv"),
    ("IEEE Transactions on Knowledge and Data Engineering", "tkde"),
])
def test_find_venue(gaz, mention, venue_id):
    entry = gaz.find_venue(mention)
    assert entry is not None and entry.id == venue_id


@pytest.mark.parametrize("mention", ["acl 2020", "nature", "ACE", "Proceedings", "2020", "MS"])
def test_find_venue_rejects_wrong_case_ambiguity_and_noise(gaz, mention):
    assert gaz.find_venue(mention) is None


def test_well_known_acronyms_label_their_venue(gaz):
    neurips = gaz.venues["neurips"]
    assert neurips.name == "NeurIPS" and neurips.type == "conference"
    assert "NIPS" in neurips.aliases and neurips.full_name
    assert gaz.venues["cvpr-workshops"].type == "workshop"
    assert len(gaz.venue_candidates("ACE")) >= 2


# ------------------------------------------------------------------------------ phrases ----
@pytest.mark.parametrize("kind", ["org", "venue"])
def test_every_phrase_looks_up_to_its_entry(gaz, kind):
    phrases = list(gaz.org_phrases() if kind == "org" else gaz.venue_phrases())
    find = gaz.find_org if kind == "org" else gaz.find_venue
    assert len(phrases) > 3000
    assert [(t, i) for t, i, _ in phrases if getattr(find(t), "id", None) != i] == []
    assert all(cs == is_case_sensitive(text) for text, _, cs in phrases)


def test_phrases_carry_case_sensitivity(gaz):
    phrases = set(gaz.org_phrases())
    assert ("MIT", "massachusetts-institute-of-technology", True) in phrases
    assert ("UC Berkeley", "university-of-california-berkeley", False) in phrases
    assert ("NeurIPS", "neurips", False) in set(gaz.venue_phrases())


# -------------------------------------------------------------------------------- load ----
def test_load_is_cached():
    # Speed is for benchmarks, never timed tests (DEVELOPERS.md): here only that one load
    # serves every caller, and that an uncached load reads the whole packaged data.
    assert Gazetteer.load() is Gazetteer.load()
    fresh = gz._load_cached.__wrapped__(None)
    assert fresh is not Gazetteer.load()
    assert len(fresh.orgs) > 10000 and len(fresh.venues) > 2000


def test_load_from_directory_honours_its_ambiguity_list(tmp_path):
    org = {"type": "University", "aliases": [], "country": None, "country_code": None,
           "domains": [], "url": None, "parent": None}
    rows = [dict(org, id="a-college", name="A College", domains=["a.edu"]),
            dict(org, id="b-college", name="B College", aliases=["BC"], domains=["a.edu"])]
    (tmp_path / gz.ORG_FILE).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    ambiguous = {"kind": "org", "alias": "AC", "ids": ["a-college", "b-college"], "preferred": None}
    (tmp_path / gz.AMBIGUOUS_FILE).write_text(json.dumps(ambiguous) + "\n", "utf-8")
    loaded = Gazetteer.load(tmp_path)
    assert loaded.find_org("the B college").id == "b-college"
    assert loaded.find_org("BC").id == "b-college" and loaded.find_org("bc") is None
    assert loaded.find_org("AC") is None and len(loaded.org_candidates("AC")) == 2
    assert loaded.org_by_domain("x@a.edu") is None  # listed for both: identifies neither
    assert loaded.venues == {}


# ------------------------------------------------------------------------------- build ----
@pytest.mark.skipif(not SHARED_DATA.is_dir(), reason=f"shared data not found at {SHARED_DATA}")
def test_build_is_deterministic_and_matches_packaged_data(tmp_path):
    outputs = []
    for run in ("first", "second"):
        out = tmp_path / run
        subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteers.py"),
                        "--data-dir", str(SHARED_DATA), "--out-dir", str(out)],
                       check=True, capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.glob("*.jsonl"))})
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == {gz.ORG_FILE, gz.VENUE_FILE, gz.AMBIGUOUS_FILE}
    packaged = {name: (DATA / name).read_bytes() for name in outputs[0]}
    assert packaged == outputs[0], "packaged gazetteers are stale: run scripts/build_gazetteers.py"


def test_build_reports_a_missing_data_directory(tmp_path):
    result = subprocess.run([sys.executable, str(REPO / "scripts" / "build_gazetteers.py"),
                             "--data-dir", str(tmp_path / "missing"), "--out-dir", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "build_gazetteers:" in result.stderr
    assert not list(tmp_path.glob("*.jsonl"))


def test_a_journal_with_an_unlisted_subtitle_is_not_the_listed_journal(gaz):
    assert gaz.find_venue("Journal of Hydrology") is not None
    assert gaz.find_venue("Journal of Hydrology: Regional Studies") is None


@pytest.mark.parametrize("name", ["Université Paris 1 Panthéon-Sorbonne", "Université Claude Bernard Lyon 1",
                                  "Université Lyon 1"])
def test_french_universities_numbered_within_their_city(gaz, name):
    assert gaz.find_org(name) is not None


def test_numbered_aliases():
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_gazetteers", REPO / "scripts" / "build_gazetteers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    aliases = module.numbered_aliases("Université Widget Quill", "Quillton II")
    assert {"Université Quillton 2 Widget Quill", "Université Widget Quill Quillton 2", "Quillton 2 Widget Quill",
            "Université Quillton II"} <= set(aliases)
    assert module.numbered_aliases("Widget University", "Quillton II") == []  # not a French "Université"
    assert module.numbered_aliases("Université Widget", "NY") == []
