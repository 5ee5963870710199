import pytest

from sopgraph.typed_names import typed_org_names


@pytest.mark.parametrize(
    "text, name, subtype",
    [
        ("I worked as a consultant at Brightwave Analytics, an AI start-up in Lisbon.", "Brightwave Analytics", "Company"),
        ("Before that I joined his start-up, Quillfeather, as an engineer.", "Quillfeather", "Company"),
        ("I contributed to open-source organizations, including Zephyrine and Mallowby.", "Zephyrine", None),
        ("We built dashboards for clients such as Tarnbridge, Ostwick and Pellmoor.", "Ostwick", "Company"),
        # the kind of body, then its name
        ("I co-led a small collaboration with the NGO Soluciones Widgéticas on rainwater harvesting.",
         "Soluciones Widgéticas", None),
        ("I volunteered with the charity Widgetaid for a year.", "Widgetaid", None),
        ("In the evenings I volunteered with Quillmemoire, the association that campaigns for old buildings.",
         "Quillmemoire", None),
    ],
)
def test_typed_org_names(nlp, text, name, subtype):
    found = {span.text: kind for span, kind in typed_org_names(nlp(text))}
    assert found.get(name, "missing") == subtype


def test_what_a_name_is_not_types_nothing(nlp):
    text = "My final project became a plan for upgrading a self-built neighbourhood in Widgetpalapa, not a museum."
    assert "Widgetpalapa" not in {span.text for span, _ in typed_org_names(nlp(text))}


@pytest.mark.parametrize("text, found", [
    ("In 2023 I received an offer from Widgetsol to join its team as a field agronomist.", {"Widgetsol"}),
    ("In 2023 I received an offer from Dr. Quill to join her lab.", set()),  # a person
])
def test_who_offered_a_post(nlp, text, found):
    from sopgraph.typed_names import workplace_names

    assert {span.text for span, _ in workplace_names(nlp(text))} == found


def test_plain_nouns_are_not_names(nlp):
    found = [span.text for span, _ in typed_org_names(nlp("I worked at a small company in the city."))]
    assert found == []


def test_a_place_after_an_institute_is_not_an_organisation(nlp):
    found = {span.text for span, _ in typed_org_names(nlp(
        "In 2022 I worked in a thin-film group at the Indian Institute of Science (IISc), Bengaluru, on sputtering."))}
    assert "Bengaluru" not in found


@pytest.mark.parametrize("line, place", [
    ("3) Widget Labs, Quillpur (fintech startup) — Lead Data Scientist, 2021–present", "Quillpur"),
    ("4) Quorvia, Nairobi (an AI start-up) — Analyst, 2019–2021", "Nairobi"),
])
def test_the_town_between_a_name_and_its_bracketed_kind_is_no_organisation(nlp, line, place):
    found = {span.text for span, _ in typed_org_names(nlp("WORK EXPERIENCE\n" + line + "\n   - Built pipelines.\n"))}
    assert place not in found


def _as_org(doc, name):
    """The doc with ``name`` read as an ORG, as the statistical model often misreads a name."""
    from spacy.tokens import Span

    start = next(t.i for t in doc if doc[t.i:t.i + len(name.split())].text == name)
    span = Span(doc, start, start + len(name.split()), label="ORG")
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return doc


@pytest.mark.parametrize("text, name, person", [
    ("In 2022 I began working with Nadia Qorvald, then a postdoc at the Widget Institute.", "Nadia Qorvald", True),
    ("The paper, written with Nadia Qorvald and John Miller, appeared at a workshop.", "Nadia Qorvald", True),
    ("I joined Brightwave Analytics, a start-up in Lisbon, as an engineer.", "Brightwave Analytics", False),
])
def test_person_typed_names(nlp, text, name, person):
    from sopgraph.typed_names import person_typed_names

    found = {span.text for span in person_typed_names(_as_org(nlp(text), name))}
    assert (name in found) is person


@pytest.mark.parametrize("text, names", [
    ("I would like to work with Professors Okonkwo, Brandtmeier, and Lindqvist on radios.",
     ["Okonkwo", "Brandtmeier", "Lindqvist"]),
    ("Drs. Ilse Varga and Tomas Brenner run the lab.", ["Ilse Varga", "Tomas Brenner"]),
    ("The professors were kind.", []),
])
def test_plural_title_names(nlp, text, names):
    from sopgraph.typed_names import plural_title_names

    assert [span.text for span in plural_title_names(nlp(text))] == names


@pytest.mark.parametrize("text, found", [
    ("During my internship at QXLAB, I built wavelet networks.", [("QXLAB", None)]),
    ("For two years I studied economics at ITQM in Mexico City.", [("ITQM", "University")]),
    ("I read the survey published by NRVQ last year.", []),
])
def test_workplace_acronyms(nlp, text, found):
    from sopgraph.typed_names import workplace_acronyms

    assert [(span.text, subtype) for span, subtype in workplace_acronyms(nlp(text))] == found


@pytest.mark.parametrize("text, found", [
    ("I spent a summer as a process engineering intern at PT Widget Indonesia in Sorowako.", ["PT Widget Indonesia"]),
    ("I spent eight months as a security engineering intern at Widget Bazaar, the largest app marketplace.",
     ["Widget Bazaar"]),
    # an acronym is left to workplace_acronyms; a place is no employer; no post, no employer
    ("I would value working with the speech researchers at CLSP on dialect data.", []),
    ("I was an intern at Nairobi.", []),
    ("I met her at Widget Bazaar last spring.", []),
    # a post held with a body, its name perhaps written with a small letter first; not a person one worked with
    ("I was offered a position as a data analyst with mQuillo in Accra.", ["mQuillo"]),
    ("I was a research assistant with Dr. Ada Quill for two years.", []),
])
def test_workplace_names(nlp, text, found):
    from sopgraph.typed_names import workplace_names

    assert [span.text for span, _ in workplace_names(nlp(text))] == found


@pytest.mark.parametrize("text, found", [
    ("IDEO (Summer 2022) — Design Research Intern. I worked on a healthcare project.", ["IDEO"]),
    ("Widgetco Labs (2021–2023): UX Designer\nI designed onboarding flows.", ["Widgetco Labs"]),
    # no post after the dash, or no dates: not a résumé line
    ("Widgetco (2021) — a very good year for widgets.", []),
    ("Widgetco — UX Designer", []),
    # dates first; what was done there in lower case or in sentences of its own after the place
    ("2020: Volunteer, Widget Vision Quillia, early-childhood speech camps.", ["Widget Vision Quillia"]),
    ("2021-present: Speech therapist (logoped), Quillton Medical Centre, Widgetford. Caseload of 25 children.",
     ["Quillton Medical Centre"]),
    # the employer (its other name in brackets), a spaced dash, the post and its dates
    ("- Widgetas para la Quillidad (Widgets for Quill) — housing programme coordinator, 2023–present.",
     ["Widgetas para la Quillidad"]),
    ("- Radiotelevizija Widgetija (RTV WDG) — summer internship in the music archive, 2021", ["Radiotelevizija Widgetija"]),
    ("- Widgetija — a small country I lived in, 2019", []),  # no post
    # the town after a name with its acronym, described after a dash: the name is the employer
    ("2021–now — Field agronomist, Association Sahel Widgets Vivants (ASWV), Maradi — a small Nigerien NGO.",
     ["Association Sahel Widgets Vivants"]),
])
def test_cv_line_employers(nlp, text, found):
    from sopgraph.typed_names import cv_line_employers

    assert [span.text for span, _ in cv_line_employers(nlp(text))] == found


@pytest.mark.parametrize("text, names", [
    ("I thank my advisors, Ada Quill, Bo Renn and Cy Tamm, for their guidance.", ["Ada Quill", "Bo Renn", "Cy Tamm"]),
    ("I learned from my advisors, Ada Quill and Hye-jin Renn, and I thank them.", ["Ada Quill", "Hye-jin Renn"]),
    ("My mentor, Sofía Quill, taught me how to synthesize interviews.", ["Sofía Quill"]),
    ("My mentors were kind.", []),
])
def test_role_list_names(nlp, text, names):
    from sopgraph.typed_names import role_list_names

    assert [span.text for span in role_list_names(nlp(text))] == names


def test_an_item_of_a_list_in_brackets_names_no_client(nlp):
    text = ("Since 2021 I have been a backend engineer on a logistics platform for a Japanese client (Widgetka, "
            "QuillSQL, Inkernetes, ~3,000 requests/s at peak).")
    assert not {span.text for span, _ in typed_org_names(nlp(text))} & {"Widgetka", "QuillSQL", "Inkernetes"}


def test_a_town_after_a_bracket_and_a_comma_is_not_the_kind_a_dash_describes(nlp):
    text = "2021–now — Field agronomist, Association Sahel Widgets Vivants (ASWV), Maradi — a small Nigerien NGO."
    assert "Maradi" not in {span.text for span, _ in typed_org_names(nlp(text))}
