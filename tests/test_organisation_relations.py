"""Organisation rules of :mod:`sopgraph.organisation_relations`, each on an invented statement."""
import pytest

from tests.test_pipeline_stages import _extract, _relations

_PROSE = ("I grew up among widget makers, and the question of why some widgets last has stayed with me. "
          "My research asks how widgets wear under load and which designs help them endure. ")


def test_dated_resume_lines_in_the_header_are_past_study_not_targets(extractor):
    text = ("STATEMENT OF PURPOSE\n\nJane Roe\nApplication: PhD position, Widget Dynamics Group, Quillfield University\n\n"
            "EDUCATION\n2013–2017   B.Sc. in Widget Economics, Harrowgate University, Ruritania\n"
            "2018–2020   M.Sc. in Applied Widgetry, Obilade University\n\n" + _PROSE * 3)
    relations = _relations(_extract(extractor, text))
    assert {("studiedAt", "Harrowgate University"), ("studiedAt", "Obilade University"),
            ("appliesTo", "Quillfield University")} <= relations
    assert ("appliesTo", "Obilade University") not in relations
    assert not {r for r in relations if r[0] == "appliesToProgram" and "Widgetry" in r[1]}


def test_a_student_status_in_the_header_is_the_place_of_study(extractor):
    text = ("Research Statement\n\nJane Roe\nPh.D. candidate, Quillfield Institute of Widgetry, Ruritania\n"
            "Applying for: Widget Postdoctoral Fellowship, Harrowgate University\n\n" + _PROSE * 3)
    relations = _relations(_extract(extractor, text))
    assert ("studiedAt", "Quillfield Institute of Widgetry") in relations
    assert ("appliesTo", "Quillfield Institute of Widgetry") not in relations
    assert ("appliesTo", "Harrowgate University") in relations


def test_a_line_of_organisations_under_the_programme_names_the_target(extractor):
    text = ("Personal Statement\n\nJane Roe\nApplicant, Master of Widget Planning (MWP)\n"
            "School of Widget Planning, The University of Quillfield\n\n" + _PROSE * 3)
    assert ("appliesTo", "University of Quillfield") in _relations(_extract(extractor, text))


@pytest.mark.parametrize("passage, label, absent", [
    # an acronym of the name in the organisation's own language, defined after its English name
    ("In 2020 I joined the Metropolitan Widget Institute of Quillfield (IMEWIQ) as an analyst. "
     "My main project at IMEWIQ was a study of widget flows.", "Metropolitan Widget Institute of Quillfield", "IMEWIQ"),
    # an academy's institute named after a person is the workplace, the academy only its host
    ("I wrote my thesis at the Ada Quill Astronomical Center of the Ruritanian Academy of Sciences (QCA RAS). "
     "My work at QCA was on widget stars.", "Ada Quill Astronomical Center", "QCA"),
    # a parent named only by its kind is no part of the name
    ("By my third year I spent my evenings in the Widget Flow Physics Laboratory of the Department, "
     "first as a volunteer.", "Widget Flow Physics Laboratory", "Widget Flow Physics Laboratory of the Department"),
])
def test_organisation_names(extractor, passage, label, absent):
    from tests.test_pipeline_stages import _with_body

    labels = {m.label for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert label in labels and absent not in labels
