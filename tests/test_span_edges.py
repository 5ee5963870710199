"""How far a name's span reaches, on a blank pipeline (tokens only)."""
import pytest
import spacy

from sopgraph.span_edges import (
    after_bracket,
    before_bracket,
    cut_person_span,
    strip_span,
    with_apostrophe_surname,
    with_hyphen_head,
    with_hyphen_tail,
    with_hyphenated_words,
    with_listed_fields,
    with_particle_tail,
    with_prefixed_surname,
    with_surname_tail,
)


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _span(blank, text, words):
    doc = blank(text)
    start = text.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize("text, words, expected", [
    ("I was a fellow at the Max-Widget-Institut für Mathematik in Bonn.", "Institut für Mathematik",
     "Max-Widget-Institut für Mathematik"),
    ("I worked at the Widgetland–Korea Institute of Science.", "Korea Institute of Science",
     "Widgetland–Korea Institute of Science"),
    ("I worked at the Korea Institute of Science.", "Korea Institute of Science", "Korea Institute of Science"),
    ("a well - known Institute of Widgets", "Institute of Widgets", "Institute of Widgets"),  # spaced: not joined
    # a compound with a small word in it, and the capitalised words before it
    ("an internship at the Pan Quillian Foot-and-Widget Disease Center in Quillton.", "Widget Disease Center",
     "Pan Quillian Foot-and-Widget Disease Center"),
    ("a well-to-Widget Disease Center", "Widget Disease Center", "Widget Disease Center"),  # lower-case head word
    ("at the Quill Widget Disease Center", "Widget Disease Center", "Widget Disease Center"),  # no hyphen: as it was
])
def test_hyphen_joined_words_before_a_name(blank, text, words, expected):
    assert with_hyphen_head(_span(blank, text, words)).text == expected


@pytest.mark.parametrize("text, words, expected", [
    ("the writings of Ada Quill of Université Quill-Panthéon-Assas on reparations", "Université Quill",
     "Université Quill-Panthéon-Assas"),
    ("at Université Quill - Widgets", "Université Quill", "Université Quill"),  # spaced: not joined
    ("at Université Quill-based labs", "Université Quill", "Université Quill"),  # lower case: not a name
])
def test_hyphen_joined_words_after_a_name(blank, text, words, expected):
    assert with_hyphenated_words(_span(blank, text, words)).text == expected


@pytest.mark.parametrize("text, words, expected", [
    ("I thank Dr. Ana Reyes-Hoffman for her help.", "Dr. Ana Reyes", "Dr. Ana Reyes-Hoffman"),
    ("I thank Dr. Fionnuala McKechnie for her help.", "Dr. Fionnuala", "Dr. Fionnuala McKechnie"),
    ("I worked with Prof. Wenjie Chen. Prof. Chen was kind.", "Prof. Wenjie Chen. Prof.", "Prof. Wenjie Chen"),
    # a possessive ends a name: what follows is the person's
    ("I first read Ada Quill’s Prehistoric Widgets in 2019.", "Ada Quill’s Prehistoric Widgets", "Ada Quill"),
])
def test_the_rest_of_a_person_name(blank, text, words, expected):
    span = _span(blank, text, words)
    assert with_prefixed_surname(with_hyphen_tail(cut_person_span(span))).text == expected


@pytest.mark.parametrize("text, words, expected", [
    # the model stopped at the particle, or just before it
    ("Signed, Ada Q. delos Renn", "Ada Q. delos", "Ada Q. delos Renn"),
    ("I thank Dr. Bea Quill i Vall for her help.", "Bea Quill", "Bea Quill i Vall"),
    ("I thank Ada Sousa e Lima and Bo Renn.", "Ada Sousa", "Ada Sousa e Lima"),
    ("I met Juan de la Quill in Lima.", "Juan", "Juan de la Quill"),
    # no capitalised word after the particle, or nothing but a particle: as it was
    ("I met Ada Quill de facto.", "Ada Quill", "Ada Quill"),
    ("I met Ada Quill i think.", "Ada Quill", "Ada Quill"),
    ("Bo Renn and Ada Quill came.", "Bo Renn", "Bo Renn"),
])
def test_a_surname_after_its_particle(blank, text, words, expected):
    assert with_particle_tail(_span(blank, text, words)).text == expected


@pytest.mark.parametrize("text, words, expected", [
    ("supervised by Prof. Ada Wairimu Ndung'u, who", "Ada Wairimu", "Ada Wairimu Ndung'u"),
    ("I met Ada Quill's team.", "Ada", "Ada"),  # a possessive is no surname
    ("I met Ada Quill today.", "Ada Quill", "Ada Quill"),
])
def test_a_surname_with_an_apostrophe(blank, text, words, expected):
    assert with_apostrophe_surname(_span(blank, text, words)).text == expected


def test_the_surname_tail_takes_particles_then_an_apostrophe_word(blank):
    assert with_surname_tail(_span(blank, "I thank Dr. Ada de la Quill for her help.", "Ada")).text == "Ada de la Quill"
    assert with_surname_tail(_span(blank, "supervised by Ada Wairimu Ndung'u, who", "Ada Wairimu")).text == \
        "Ada Wairimu Ndung'u"




@pytest.mark.parametrize("text, words, expected", [
    ("I studied at the University of Bergen's widget lab.", "the University of Bergen's", "University of Bergen"),
    ("We met at the and.", "the and", None),
])
def test_strip_span(blank, text, words, expected):
    stripped = strip_span(_span(blank, text, words))
    assert (stripped.text if stripped is not None else None) == expected


@pytest.mark.parametrize("text, words, expected", [
    # fields listed with commas to the end of the line belong to the programme's name
    ("Program: M.Sc. Widgetry, Cognition, Quill Studies\nQuill University", "M.Sc. Widgetry",
     "M.Sc. Widgetry, Cognition, Quill Studies"),
    # not a university, nor a line that goes on after them
    ("Program: MSc Widgetry, Quill University\n", "MSc Widgetry", "MSc Widgetry"),
    ("I hold an MSc Widgetry, Cognition and more from Quill University.", "MSc Widgetry", "MSc Widgetry"),
])
def test_fields_listed_after_a_programme(blank, text, words, expected):
    assert with_listed_fields(_span(blank, text, words), frozenset({"university", "thesis"})).text == expected


@pytest.mark.parametrize("text, index, reach, expected", [
    ("the Widget Unit ( WU ) , Quill Ministry", 6, 4, 3),  # past "(WU)" to the end of "Widget Unit"
    ("the Widget Unit , Quill Ministry", 3, 4, 3),  # no bracket: where it was
    ("a ( b c d e f g ) , x", 9, 3, 9),  # the "(" beyond reach
])
def test_before_bracket(blank, text, index, reach, expected):
    assert before_bracket(blank(text), index, reach) == expected


@pytest.mark.parametrize("text, index, expected", [
    ("X ( its name in Maltese ) , where I studied", 1, 7),  # past the ")"
    ("X , where I studied", 1, 1),  # no bracket
    ("X ( a ( b ) c ) , where", 1, 1),  # another "(" first
])
def test_after_bracket(blank, text, index, expected):
    assert after_bracket(blank(text), index, 12) == expected
