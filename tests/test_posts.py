"""The clause tests behind posts, hiring and online courses (sopgraph.posts), on parsed sentences."""
import pytest

from sopgraph.posts import (
    NAMED_LAB,
    as_a_student,
    funds_a_post_elsewhere,
    in_my_time_as,
    learned_online,
    membership_only,
    post_held_at,
    taken_on_by,
    works_there_too,
)


def _span(nlp, sentence, words):
    doc = nlp(sentence)
    start = sentence.index(words)
    return doc.char_span(start, start + len(words))


@pytest.mark.parametrize("test, sentence, org, expected", [
    (post_held_at, "As a postdoc at Widget University, I have been studying how widgets age.", "Widget University", True),
    (post_held_at, "I was an engineer at Quorvia Systems for two years.", "Quorvia Systems", True),
    (post_held_at, "We collaborate closely with engineers at Quorvia Systems.", "Quorvia Systems", False),
    (post_held_at, "As a student at Widget University I learned a lot.", "Widget University", False),
    (post_held_at, "I trained as an architect at the Widget School of Architecture.", "Widget School of Architecture",
     False),
    (in_my_time_as, "During my second year as a pharmacist at Widget Hospital, a patient was readmitted.",
     "Widget Hospital", True),
    (in_my_time_as, "During her time as a nurse at Widget Hospital, my mother met him.", "Widget Hospital", False),
    (taken_on_by, "In 2022 I was engaged by the Quill Statistical Service as a field enumerator.",
     "Quill Statistical Service", True),
    (taken_on_by, "The report was written by the Quill Statistical Service.", "Quill Statistical Service", False),
    (learned_online, "I watched the recorded lectures of a course from Widget University on YouTube.",
     "Widget University", True),
    (learned_online, "During my PhD at Widget University, I learned that online forums rarely fail.",
     "Widget University", False),
    (works_there_too, "I completed my PhD in widgets at Widget University in 2023 and currently work there as a "
     "postdoctoral researcher.", "Widget University", True),
    (works_there_too, "I completed my PhD at Widget University in 2023 and then moved to Oslo.", "Widget University",
     False),
    (works_there_too, "I completed an MSc at Widget University, and since 2022 I have worked as a research assistant "
     "in the Widget Behaviour Research Group there.", "Widget University", False),
    (as_a_student, "I spent years on sites, first as an undergraduate in the Department of Widgets at Quill "
     "University, and then in offices.", "Department of Widgets", True),
    (as_a_student, "As an undergraduate in the Faculty of Widgets at Quill University, Widgetland, I worked as a "
     "volunteer tutor.", "Faculty of Widgets", True),
    (as_a_student, "As a visiting student at the Quill Widget Centre, I built a sensor.", "Quill Widget Centre", False),
    (as_a_student, "As an engineer at Quorvia Systems, I built a sensor.", "Quorvia Systems", False),
])
def test_clause_tests(nlp, test, sentence, org, expected):
    assert test(_span(nlp, sentence, org)) is expected


def test_an_internship_of_one_organisation_held_at_another(nlp):
    sentence = "Last summer I got into the Widget Council's internship at Quorvia Labs."
    assert funds_a_post_elsewhere(_span(nlp, sentence, "Widget Council"))
    assert not funds_a_post_elsewhere(_span(nlp, sentence, "Quorvia Labs"))


def test_membership_and_named_labs():
    assert membership_only("Widget Society of Engineers", frozenset({"member", "student"}))
    assert not membership_only("Widget Society of Engineers", frozenset({"work"}))
    assert not membership_only("Quorvia Labs", frozenset({"member"}))
    # the membership written after the name on its résumé line
    assert membership_only("International Widget Association", frozenset(), " (IWA), student member 2020–2021")
    assert not membership_only("International Widget Association", frozenset(), " (IWA), research engineer 2020–2021")
    assert NAMED_LAB.match("the Quill lab").group(1) == "Quill"
    assert NAMED_LAB.match("Sustainable Widget Lab") is None
