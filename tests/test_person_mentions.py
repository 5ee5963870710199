"""People rules of :mod:`sopgraph.person_mentions`, each on an invented passage after a neutral body."""
import pytest

from sopgraph.person_mentions import CITATION
from tests.test_pipeline_stages import BODY, _extract, _people, _relations, _with_body


@pytest.mark.parametrize("passage, name, present", [
    # cited authors: author–year in brackets, narrative citations, two surnames after a cue
    ("Widget wear follows a power law (Quillborne et al., 2019).", "Quillborne", True),
    ("As Brandtmeier and Okonkwoh (2020) showed, widgets wear unevenly.", "Okonkwoh", True),
    ("I built on the account of Harrowgate and Obilade of widget wear.", "Harrowgate", True),
    # a surname written before its initials, as inline citations list it
    ("Our method extends the filter of Quillborne A. B. to noisy widgets.", "A. B. Quillborne", True),
    # an eponym naming a method, a course and a street are no people
    ("I used Quillson Carlo methods to sample widget shapes.", "Quillson Carlo", False),
    ("My favourite class was Advanced Helmut Quillson.", "Advanced Helmut Quillson", False),
    ("I visited Karl Widmannplatz 4 each day.", "Karl Widmannplatz", False),
    # a command of a language
    ("Fluent Widgetian, Russian, English.", "Fluent Widgetian", False),
    # a lone capitalised word before a year is a citation only if the model reads a person there
    ("We trained on WidgetNet (2019) for a week.", "WidgetNet", False),
    # an acronym with a year names a meeting, not a cited author
    ("I presented it at the Widget Conference of Quill Makers (WCQM 2021) in Lagos.", "WCQM", False),
    # a term and its year in brackets is a date
    ("I am applying to the M.S. in Widget Science at Quill University (Fall 2025).", "Fall", False),
])
def test_who_counts_as_a_person(extractor, passage, name, present):
    assert (name in _people(_with_body(extractor, passage))) is present


def test_a_name_that_is_a_named_organisation_is_not_a_person(extractor):
    ext = _with_body(extractor, "I interned at Axiom Quill Inc. After graduating I returned to Axiom Quill as an engineer.")
    assert "Axiom Quill" not in _people(ext)


def test_cited_authors_are_never_advisors(extractor):
    ext = _with_body(extractor, "I would like to extend the model of Quillborne et al. (2019) to widgets.")
    assert "Quillborne" in _people(ext)
    assert not {r for r in _relations(ext) if "Quillborne" in r[1]}


@pytest.mark.parametrize("text, surname", [
    ("(Quill, 2020)", "Quill"),
    ("(Quill et al., 2020a)", "Quill"),
    ("(Quill and Renn, 2019)", "Quill"),
])
def test_the_author_year_citation_pattern(text, surname):
    match = CITATION.search(text)
    assert match is not None and match.group(1) == surname


@pytest.mark.parametrize("text", ["(WCQM 2021)", "(ICWQ, 2019)", "(Fall 2025)", "(September 2024)", "(Summer 2023)"])
def test_an_acronym_or_a_term_with_a_year_is_no_citation(text):
    assert CITATION.search(text) is None


def test_the_applicants_own_records_become_the_applicant(extractor):
    text = ("Jane Kerstin Roe\n\n" + BODY + " My first paper, with Kerstin Roe as lead author, is under review."
            "\n\nKerstin Roe")
    ext = _extract(extractor, text)
    assert ext.applicant.name == "Jane Kerstin Roe"
    assert "Kerstin Roe" not in _people(ext)
