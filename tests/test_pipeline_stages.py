"""Sections, applicant detection, relations and resolution on short statements we write."""
import pytest
import rdflib
from rdflib import RDF, RDFS

from sopgraph.extract import Extractor
from sopgraph.model import APPLICANT, Document
from sopgraph.namespace import SG
from sopgraph.normalize import clean_text
from sopgraph.pipeline.sections import find_sections
from sopgraph.resolve import person_key, resolve, slugify


@pytest.mark.parametrize(
    "text, labels",
    [
        ("Jane Roe\njane@x.org\n\n" + "I study things. " * 20, ["HEADER", "BODY"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nSincerely,\n\nJane Roe", ["HEADER", "BODY", "SIGNATURE"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nReferences\n\n[1] A. B. Title. In ICML, 2020.",
         ["HEADER", "BODY", "REFERENCES"]),
    ],
)
def test_find_sections(text, labels):
    assert [s.label for s in find_sections(text)] == labels


@pytest.fixture(scope="module")
def extractor(nlp):
    return Extractor(nlp)


def _extract(extractor, text, name="doc.txt"):
    from pathlib import Path

    document = Document(path=Path(name), name=name, text=text)
    clean = clean_text(text)
    return extractor.extract_doc(document, clean, extractor.nlp(clean.text))


BODY = ("I am applying to the PhD program at Stanford University because I want to work on robot learning. "
        "I completed my bachelor's degree at the University of Toronto, where I worked with Prof. Alan Smithee "
        "on tactile sensing. Last summer I interned at Google Research on manipulation policies. "
        "At Stanford, I would love to work with Prof. Grace Hopperton on reinforcement learning.")


@pytest.mark.parametrize(
    "header, expected",
    [
        ("STATEMENT OF PURPOSE\n\nJane Q. Roe\n\n", "Jane Q. Roe"),
        ("Jane Roe - Statement of Purpose (PhD, Robotics)\n\n", "Jane Roe"),
        ("Name: Jane Roe\nApplying to: PhD in Robotics\n\n", "Jane Roe"),
        ("STATEMENT OF PURPOSE\n\nROBOT LEARNING FOR ALL\n\nJane Roe\n\n", "Jane Roe"),
    ],
)
def test_applicant_from_header(extractor, header, expected):
    ext = _extract(extractor, header + BODY)
    assert ext.applicant is not None and ext.applicant.name == expected


def test_applicant_from_signature(extractor):
    ext = _extract(extractor, "Cover letter\n\n" + BODY + "\n\nSincerely,\n\nJane Roe")
    assert ext.applicant.name == "Jane Roe" and ext.applicant.source == "signature"


def _relations(ext):
    labels = {m.index: m.label for m in ext.mentions}
    return {(f.predicate, labels.get(f.object, f.object)) for f in ext.facts if f.subject == APPLICANT}


@pytest.mark.parametrize(
    "relation",
    [
        ("appliesTo", "Stanford University"),
        ("appliesToProgram", "PhD"),
        ("studiedAt", "University of Toronto"),
        ("workedAt", "Google Research"),
        ("mentoredBy", "Alan Smithee"),
        ("prospectiveAdvisor", "Grace Hopperton"),
    ],
)
def test_relations_from_cues(extractor, relation):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY)
    assert relation in _relations(ext)


def test_negation_blocks_mentor(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " I did not work with Prof. Kurt Vonneguth during that time.")
    assert any(m.label == "Kurt Vonneguth" for m in ext.mentions)
    rels = _relations(ext)
    assert not any(obj == "Kurt Vonneguth" for _, obj in rels)


def test_surname_mentions_merge_into_full_name(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " Prof. Hopperton's work on exploration inspires me.")
    people = [m for m in ext.mentions if m.kind == "person" and "Hopperton" in m.label]
    assert len(people) == 1 and people[0].label == "Grace Hopperton"


def test_resolution_merges_applicant_across_documents(extractor):
    a = _extract(extractor, "Jane Roe\n\n" + BODY, "a.txt")
    b = _extract(extractor, "Jane Q. Roe\n\n" + BODY, "b.txt")
    res = resolve([a, b])
    assert res.applicant_keys["a.txt"] == res.applicant_keys["b.txt"]


@pytest.mark.parametrize(
    "a, b, same",
    [("Ada Quill", "Ada B. Quill", True), ("Ada Quill", "Bo Quill", False)],
)
def test_person_keys(a, b, same):
    assert (person_key(a, "d1") == person_key(b, "d1")) is same


def test_bare_surname_key_stays_in_its_document():
    assert person_key("Quill", "d1") != person_key("Quill", "d2")


@pytest.mark.parametrize("text", ["Ünïcödé Nâme", "a/b?c#d", "", "x" * 300])
def test_slugs_are_iri_safe(text):
    slug = slugify(text)
    assert slug and len(slug) <= 100
    rdflib.URIRef("https://example.org/" + slug)
    assert all(c.isalnum() or c == "-" for c in slug)


def test_graph_types_and_labels(extractor):
    from sopgraph.graph import build_rdf

    ext = _extract(extractor, "Jane Roe\n\n" + BODY)
    g = build_rdf([ext], resolve([ext]))
    applicant = next(g.subjects(RDF.type, SG.Applicant))
    assert (applicant, RDF.type, SG.Person) in g
    assert str(g.value(applicant, RDFS.label)) == "Jane Roe"
    stanford = next(s for s in g.subjects(RDFS.label, rdflib.Literal("Stanford University")))
    assert (stanford, RDF.type, SG.University) in g and (applicant, SG.appliesTo, stanford) in g


@pytest.mark.parametrize(
    "sentence, venue",
    [
        ("Our paper on slow light was presented at PHOTONA 2024 last spring.", "PHOTONA"),
        ("This work appeared in the Journal of Imaginary Fluids last year.", "Journal of Imaginary Fluids"),
        ("It was accepted to the International Conference on Soft Widgets in May.", "International Conference on Soft Widgets"),
    ],
)
def test_unlisted_venues(extractor, sentence, venue):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)
    assert venue in {m.label for m in ext.mentions if m.kind == "venue"}


def test_domain_named_company(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " Later I was a machine learning intern at Quillfeather.ai for six months.")
    assert ("workedAt", "Quillfeather.ai") in _relations(ext)


def test_study_sentence_when_parse_attaches_elsewhere(extractor):
    text = ("Jane Roe\n\nI am Jane Roe, currently in the final year of an integrated MSc in Physics (BSc + MSc course) "
            "from Rice University, Houston. " + BODY)
    assert ("studiedAt", "Rice University") in _relations(_extract(extractor, text))


@pytest.mark.parametrize(
    "sentence, name, relation",
    [
        ("In my second year I advised Tomas Brenner, a junior student, on his thesis.", "Tomas Brenner", None),
        ("A project co-advised by Prof. Ilse Varga would be the ideal next step.", "Ilse Varga", "prospectiveAdvisor"),
    ],
)
def test_mentees_and_hypothetical_advising(extractor, sentence, name, relation):
    rels = {(p, o) for p, o in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)) if o == name}
    assert rels == ({(relation, name)} if relation else set())
