"""Word tests shared by the relation rules."""
import pytest

from sopgraph.sentence_cues import is_degree_word


@pytest.mark.parametrize("word, degree", [
    ("PhD", True), ("Ph.D.", True), ("M.Sc.", True), ("MS", True), ("BS", True), ("B.S.", True),
    ("Masters", True), ("master's", True), ("Bachelors", True), ("doctorate", True),
    # everyday words and names that only look like one
    ("Me", False), ("Bas", False), ("Mass", False), ("Research", False),
])
def test_is_degree_word(word, degree):
    assert is_degree_word(word) is degree


def _span(nlp, text, target):
    doc = nlp(text)
    start = text.index(target)
    return doc.char_span(start, start + len(target), alignment_mode="expand")


@pytest.mark.parametrize("text, also_applying, expected", [
    ("I was admitted last year to the MSc at Widget University.", False, True),
    # the same sentence with a word of applying is about the application being made
    ("I was admitted last year to the MSc at Widget University.", True, False),
    ("I am applying to the MSc at Widget University.", False, False),
])
def test_admitted_before(nlp, text, also_applying, expected):
    from sopgraph.relations import load_cues
    from sopgraph.sentence_cues import admitted_before

    span = _span(nlp, text, "Widget University")
    lemmas = {"apply"} if also_applying else set()
    assert admitted_before(span, lemmas, load_cues()["apply"]) is expected


@pytest.mark.parametrize("text, expected", [
    ("I was offered an internship at Quill Labs in 2022.", True),
    ("I was offered an internship at Quill Labs in 2022 and accepted it.", False),
    ("In 2022 I completed an internship at Quill Labs.", False),
])
def test_offered_only(nlp, text, expected):
    from sopgraph.sentence_cues import offered_only

    assert offered_only(_span(nlp, text, "Quill Labs")) is expected


@pytest.mark.parametrize("text, target, expected", [
    ("Ada Quill\nPh.D. Candidate, Widget University\n\nMy research is on widgets.", "Ph.D.", True),
    ("Ada Quill\nPh.D. in Widget Science, Widget University\n\nMy research is on widgets.", "Ph.D.", False),
])
def test_names_a_status(nlp, text, target, expected):
    from sopgraph.sentence_cues import names_a_status

    assert names_a_status(_span(nlp, text, target)) is expected


@pytest.mark.parametrize("text, expected", [
    ("I completed my B.Sc. at Widget University in 2019.", True),
    ("As an undergraduate at Widget University I read widely.", True),
    ("I worked as an engineer at Widget University for two years.", False),
])
def test_studies_in_sentence(nlp, text, expected):
    from sopgraph.sentence_cues import studies_in_sentence

    assert studies_in_sentence(_span(nlp, text, "Widget University")) is expected


@pytest.mark.parametrize("text, expected", [
    ("For my M.Sc. in Quill Studies at Widget University I built a lathe.", True),
    # the unit it was taken in, then its university after "at" or "of"
    ("I completed an MA in Quill Studies in the School of History and Ink at the Widget University in 2021.", True),
    ("I completed an MA in Quill Studies in the School of History and Ink of the Widget University in 2021.", True),
    # "of" alone, without a unit, says whose something is
    ("I read a history of the Widget University in 2021.", False),
])
def test_degree_at(nlp, text, expected):
    from sopgraph.sentence_cues import degree_at

    assert degree_at(_span(nlp, text, "Widget University")) is expected


def test_third_person_paragraphs_only_where_the_statement_names_its_author_by_role(nlp):
    from sopgraph.relations import third_person_paragraph

    text = ("The applicant trained in anthropology. She worked at the Widget Institute.\n\n"
            "I now want to study evidentiality at Quill University.")
    doc = nlp(text)
    first, second = doc[7:9], doc[-4:-2]
    assert third_person_paragraph(first) and not third_person_paragraph(second)
    assert not third_person_paragraph(nlp("Dr. Quill leads the lab. She worked at the Widget Institute.")[8:10])
