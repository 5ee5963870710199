"""Merge rules and guards for people inside one document."""
import pytest

from sopgraph.registry import EntityRegistry


def _people(*names):
    reg = EntityRegistry()
    indices = [reg.add_person(n) for n in names]
    return reg, indices


@pytest.mark.parametrize(
    "names, groups",
    [
        # a title-free full name and its initial form are one person
        (["Ada Quill", "A. Quill"], 1),
        # one spelling variant inside a document (a typo) is the same person
        (["Wilhelm Brandtner", "Wilhelm Brantner"], 1),
        # same surname, different first names: two people
        (["Ada Quill", "Bo Quill"], 2),
        # different surnames stay apart however alike the first names
        (["Ada Quill", "Ada Renn"], 2),
    ],
)
def test_person_merges(names, groups):
    _, indices = _people(*names)
    assert len(set(indices)) == groups


def test_bare_surname_joins_the_only_full_name():
    reg, (full, bare) = _people("Ada Quill", "Quill")
    assert full == bare
    assert reg.records[full].label == "Ada Quill" and "Quill" in reg.records[full].aliases


def test_bare_surname_shared_by_two_people_stays_apart():
    reg, (ada, bo, bare) = _people("Ada Quill", "Bo Quill", "Quill")
    assert bare not in (ada, bo)
    assert reg.merge_bare_surnames() == {}


def test_fullest_form_becomes_the_label():
    reg, (first, later) = _people("Quill", "Ada B. Quill")
    assert first == later and reg.records[first].label == "Ada B. Quill"


def test_organisation_aliases_find_one_record():
    reg = EntityRegistry()
    long = reg.add("organization", "Quillfeather Institute of Technology", aliases=["QIT"])
    assert reg.add("organization", "QIT") == long
    assert reg.add("organization", "Renn Labs") != long


@pytest.mark.parametrize("names", [
    ("Baek Min-jun", "Baek"),  # a name written surname first
    ("Gustavo Ramos Quiñones", "Ramos"),  # the first of two surnames
])
def test_a_bare_surname_merges_into_the_full_name_it_shortens(names):
    reg, (full, bare) = _people(*names)
    assert reg.merge_bare_surnames() == {bare: full}


@pytest.mark.parametrize("labels, merged", [
    # an unlisted body named in full once, then by its first word
    (["Quorvia Maternal Health Initiative", "Quorvia"], True),
    # two longer names open with the word: which one is meant is unknown
    (["Quorvia Maternal Health Initiative", "Quorvia Widget Trust Fund", "Quorvia"], False),
    # an acronym is resolved by its definition, not by a first word
    (["Quorvia Maternal Health Initiative", "QUORVIA"], False),
    # a university named without its place, after the one name that goes on with it
    (["Quorvia University of Widgetown", "Quorvia University"], True),
    (["Quorvia University of Widgetown", "Quorvia University at Quilltown", "Quorvia University"], False),
])
def test_short_organisation_names(labels, merged):
    reg = EntityRegistry()
    indices = [reg.add("organization", label, source="ner") for label in labels]
    assert (indices[-1] in reg.merge_short_org_names()) is merged


@pytest.mark.parametrize("names, merged", [
    # the reference form is folded into the name written surname first, even after a bare surname took it
    (("Quill Ada", "Quill", "A. Quill"), True),
    (("Quill Ada", "A. Quill"), True),
    # two full names are never folded by order alone
    (("Quill Ada", "Ada Quill Roe"), False),
])
def test_a_reference_form_joins_a_name_written_surname_first(names, merged):
    reg, indices = _people(*names)
    mapping = reg.merge_bare_surnames()
    mapping |= {k: v for k, v in reg.merge_reordered_names().items() if k not in mapping}
    target = {mapping.get(i, i) for i in indices}
    assert (len(target) == 1) is merged


@pytest.mark.parametrize("long_source, short, merged", [
    # a listed university named later by the word before "University"
    ("gazetteer", "Sharif", True),
    # an unlisted body named by its first word
    ("pattern", "Sharif", True),
])
def test_a_first_word_names_the_longer_organisation(long_source, short, merged):
    reg = EntityRegistry()
    long = reg.add("organization", "Sharif University of Technology", source=long_source)
    one = reg.add("organization", short, source="ner")
    assert (reg.merge_short_org_names() == {one: long}) is merged


def test_a_listed_organisation_without_a_university_word_is_no_target():
    reg = EntityRegistry()
    reg.add("organization", "Widget Research Council", source="gazetteer")
    reg.add("organization", "Widget", source="ner")
    assert reg.merge_short_org_names() == {}


@pytest.mark.parametrize("long, merged", [("Quorvia Technologies", True), ("Quorvia Bridge", False)])
def test_a_two_word_name_with_a_company_tail_takes_its_first_word(long, merged):
    reg = EntityRegistry()
    full = reg.add("organization", long, source="ner")
    one = reg.add("organization", "Quorvia", source="typed-name")
    assert (reg.merge_short_org_names() == {one: full}) is merged


@pytest.mark.parametrize("short, long, merged", [
    ("Universidad Widgética", "Pontificia Universidad Widgética de Quillandia", True),
    ("Institute of Widgetry", "Quill Institute of Widgetry", True),
    # a name that goes on otherwise names another body
    ("University of Widgets", "Quill University of Widgets and Technology", False),
    ("Quill University", "Quill University Hospital", False),
])
def test_a_university_named_by_the_middle_of_its_name(short, long, merged):
    reg = EntityRegistry()
    a = reg.add("organization", short, source="pattern")
    b = reg.add("organization", long, source="pattern")
    assert (reg.merge_inner_org_names() == {a: b}) is merged


@pytest.mark.parametrize("short, long, merged", [
    ("Widget University", "Widget University Quillton", True),
    ("University of Widgetland", "University of Widgetland Quillton", True),
    # a part of the university is another body, and so is a longer name of a field
    ("Widget University", "Widget University Medical School", False),
    ("Widget University", "Widget University of Technology", False),
])
def test_a_university_and_its_campus_are_one(short, long, merged):
    reg = EntityRegistry()
    a = reg.add("organization", short, subtype="University", source="gazetteer")
    b = reg.add("organization", long, subtype="University", source="gazetteer")
    assert (reg.merge_campus_names() == {a: b}) is merged


@pytest.mark.parametrize("short, source, merged", [
    ("Quillton", "ner", True),          # "the hydrologists at Quillton": the university called by its campus
    ("Quillton Widgets", "ner", False),  # not the campus
    ("Quillton", "gazetteer", False),    # a listed body of that name is another one
])
def test_a_university_called_by_its_campus_is_one(short, source, merged):
    reg = EntityRegistry()
    university = reg.add("organization", "University of Widgetia, Quillton", subtype="University", source="gazetteer")
    campus = reg.add("organization", short, source=source)
    assert (reg.merge_named_campuses() == {campus: university}) is merged


def test_two_surnames_join_the_one_full_name_they_end():
    reg, (full, two) = _people("Ada Quill Widgetez", "Quill Widgetez")
    assert reg.merge_bare_surnames() == {two: full}
    # two people ending so are two people
    reg, (one, other, two) = _people("Ada Quill Widgetez", "Bo Quill Widgetez", "Quill Widgetez")
    assert reg.merge_bare_surnames() == {}
