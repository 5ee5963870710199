"""Titles before names: one data file, read in the forms each stage needs."""
from __future__ import annotations

import re

import pytest

from sopgraph import titles
from sopgraph.names import TITLE_BEFORE_NAME, split_title
from sopgraph.nlp import entity_patterns
from tests.test_pipeline_stages import _relations, _with_body


@pytest.mark.parametrize(
    "entry, text, stop",
    [("Prof.?", "Prof", "optional"), ("Ing.", "Ing", "required"), ("Professor", "Professor", "none"),
     ("Dipl.-Ing.", "Dipl.-Ing", "required")],
)
def test_entries_are_read_with_their_stop(entry, text, stop):
    title = titles._title(entry, "academic")
    assert (title.text, title.stop, title.word) == (text, stop, text.lower())


@pytest.mark.parametrize(
    "kinds, written, matches",
    [
        (("academic",), "Prof ", True),
        (("academic",), "Prof. ", True),
        (("professional",), "Ing. ", True),
        (("professional",), "Ing ", False),  # "Ing" alone may be part of a name
        (("courtesy",), "Sir ", True),
        (("courtesy",), "Sirs ", False),
    ],
)
def test_alternation_keeps_each_titles_stop(kinds, written, matches):
    assert bool(re.fullmatch(titles.alternation(*kinds) + r"\s", written)) is matches


def test_abbreviated_alternation_leaves_out_whole_words():
    pattern = re.compile(titles.alternation("courtesy", abbreviated=True) + r"\s")
    assert pattern.fullmatch("Mr. ") and pattern.fullmatch("Ms ")
    assert not pattern.fullmatch("Sir ") and not pattern.fullmatch("Madam ")


def test_word_and_abbreviation_forms():
    assert {"prof", "professor", "dr"} <= titles.words("academic")
    assert "professor" not in titles.words("courtesy")
    assert {"prof.", "ing.", "hab."} <= titles.abbreviations()
    assert "professor." not in titles.abbreviations()  # a whole word has no stop


def test_unknown_kind_is_named():
    with pytest.raises(ValueError, match="'doctoral'"):
        titles.titles("doctoral")


@pytest.mark.parametrize("reference", ["titles:academic", "@everything:academic"])
def test_bad_pattern_reference_is_named(reference):
    with pytest.raises(ValueError, match=re.escape(repr(reference))):
        titles.token_forms(reference)


def test_token_forms_include_the_split_stop():
    forms = titles.token_forms("@abbreviated:professional")
    assert {"ing", "ing.", "engr", "engr."} <= set(forms)


def test_person_pattern_lists_every_abbreviated_title():
    """The person pattern in entities.jsonl names kinds of title, not titles: a title added to the data
    file reaches it."""
    pattern = next(p for p in entity_patterns() if p["id"] == "person-titled")["pattern"]
    first = set(pattern[0]["LOWER"]["IN"])
    assert set(titles.token_forms("@abbreviated:academic,courtesy,rank,professional")) <= first
    assert not any(form.startswith("@") for form in first)


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Assoc. Prof. Dr. Ada Quill", "Ada Quill", "Assoc. Prof. Dr."),
        ("Assistant Professor Bo Renn", "Bo Renn", "Assistant Professor"),
        ("Mgr. Cy Tamm", "Cy Tamm", "Mgr."),
        ("Dr hab. Cy Tamm", "Cy Tamm", "Dr hab."),
        ("Sir Bo Renn", "Bo Renn", "Sir"),
        ("Assistant Bo Renn", "Assistant Bo Renn", None),  # a rank only before an academic title
        # titles of other languages
        ("Yrd. Doç. Dr. Ada Quill", "Ada Quill", "Yrd. Doç. Dr."),
        ("Univ.-Prof. Dr. Bo Renn", "Bo Renn", "Univ.-Prof. Dr."),
        ("Mtra. Ada Quill", "Ada Quill", "Mtra."),
        ("Lic. Bo Renn", "Bo Renn", "Lic."),
        ("Dott. Cy Tamm", "Cy Tamm", "Dott."),
        ("izv. prof. dr. sc. Ada Quill", "Ada Quill", "izv. prof. dr. sc."),
    ],
)
def test_names_lose_every_kind_of_title(text, name, title):
    assert split_title(text) == (name, title)


@pytest.mark.parametrize(
    "text, found",
    [("Dra. Ada Quill", True), ("Ing. Bo Renn", True), ("Ing Bo Renn", False), ("Mr. Bo Renn", False),
     ("Dr hab. Cy Tamm", True), ("Assoc. Prof. Ada Quill", True), ("Doç. Dr. Bo Renn", True)],
)
def test_title_before_name_in_running_text(text, found):
    assert bool(re.match(TITLE_BEFORE_NAME + "[A-Z]", text)) is found


@pytest.mark.parametrize(
    "text, person",
    [
        ("Under the guidance of Dr. Ada Quill I built a widget.", "Dr. Ada Quill"),
        ("With Prof. Bo Renn I wrote two papers.", "Prof. Bo Renn"),
        ("Under Dipl.-Ing. Dr. Cy Tamm I tested quills.", "Dipl.-Ing. Dr. Cy Tamm"),
    ],
)
def test_titled_person_stops_before_the_pronoun(nlp, text, person):
    doc = nlp(text)
    assert [s.text for s in doc.spans["sg_patterns"] if s.label_ == "PERSON"] == [person]


@pytest.mark.parametrize("title", ["Assoc.", "Engr.", "Ir.", "Dipl.-Ing.", "Dra.", "Doç.", "Mtra.", "Univ.-Prof."])
def test_tokenizer_keeps_the_stop_of_titles_the_model_does_not_know(nlp, title):
    assert [t.text for t in nlp.tokenizer(f"{title} Ada Quill")][0] == title


def test_title_the_model_does_not_know_reads_as_the_english_one(nlp):
    assert nlp.tokenizer("Dra. Ada Quill")[0].norm_ == "dr."


@pytest.mark.parametrize("passage, mentor", [
    ("At Quill University my thesis was supervised by Dr hab. Ada Quillborne, who taught me widget physics.",
     "Ada Quillborne"),
    ("My thesis, supervised by Univ.-Prof. Dr. Bo Renwick, compared widget layouts.", "Bo Renwick"),
    ("At Widget Works I worked under the guidance of Mtra. Cy Tammsworth on quill surveys.", "Cy Tammsworth"),
    ("My undergraduate thesis was supervised by Doç. Dr. Ada Quillborne at Quill Technical University.",
     "Ada Quillborne"),
])
def test_titles_of_other_languages_name_a_mentor(extractor, passage, mentor):
    assert ("mentoredBy", mentor) in _relations(_with_body(extractor, passage))
