"""Short forms and the long names they abbreviate (invented names)."""
import pytest

from sopgraph.acronyms import abbreviates_title, find_definitions, word_prefixes_spell


@pytest.mark.parametrize("short, long, expected", [
    ("WISREB", "Widget Services Regulatory Board", True),  # WI + S + RE + B: a syllable acronym
    ("WSRB", "Widget Services Regulatory Board", True),  # plain initials
    ("wisreb", "Widget Services Regulatory Board", True),  # case does not matter
    ("WB", "Widget Services Board", False),  # every word gives at least one letter
    ("WIDGETSB", "Widget Services Board", True),  # WIDGET + S + B
    ("WZSB", "Widget Services Board", False),  # "Z" begins no part of a word
    ("QCWSC", "Quorvia City Widget Sprocket Company", True),
    ("", "Widget Board", False),
])
def test_word_prefixes_spell(short, long, expected):
    assert word_prefixes_spell(short, long.split()) is expected


@pytest.mark.parametrize("short, long, expected", [
    ("Widg. Quill Chem. Res.", "Widget & Quill Chemistry Research", True),
    ("Widg. Quill Chem. Res", "Widget & Quill Chemistry Research", True),  # a list trimmed the last stop
    ("J. Widget Soc.", "Journal of the Widget Society", True),
    ("Widget Research", "Widget & Quill Chemistry Research", False),  # no full stop: another title
    ("Prev Widg Med", "Preventive Widget Medicine", True),  # no stops (NLM style), every word cut short
    ("Widget Med", "Widget Medicine", False),  # ... but not when a word is whole
    ("Widg. Res.", "Widget Quill Research", False),  # a word missing
    ("Gadg. Quill Res.", "Widget Quill Research", False),
    ("Widget. Quill Research", "Widget Quill Research", False),  # only one word cut short
])
def test_abbreviates_title(short, long, expected):
    assert abbreviates_title(short, long) is expected


def _definitions(text: str, listed: frozenset[str] = frozenset()):
    return find_definitions(text, org_like=lambda name: "Institute" in name, listed=lambda name: name in listed)


@pytest.mark.parametrize("text, short, long", [
    ("She joined the Widget Institute of Quill Studies (WIQS) in 2020.", "WIQS", "Widget Institute of Quill Studies"),
    # a hyphenated word gives a letter per part
    ("the Max-Widget-Institut für Quill (MWIQ) hosted me", "MWIQ", "Max-Widget-Institut für Quill"),
    # syllable acronyms
    ("the Water Services Regulatory Board (WASREB) said", "WASREB", "Water Services Regulatory Board"),
    # the name's first word, then the others' initials
    ("at the Widget School of Quill and Ink (Widget SQI)", "Widget SQI", "Widget School of Quill and Ink"),
    # the acronym inside brackets after the name
    ("a year in Lisbon (Widget Quill Laboratory, WQL) taught me", "WQL", "Widget Quill Laboratory"),
    # a name listing fields with commas
    ("at the Laboratoire de Widgets, Quills et Inks (LWQI)", "LWQI", "Laboratoire de Widgets, Quills et Inks"),
    # the name after a possessive
    ("Quill University's Widget Studies Institute (WSI) funded it", "WSI", "Widget Studies Institute"),
    # a shorter name made of the long name's own words
    ("California Widget University, Quillton (Widget University)", "Widget University", "California Widget University, Quillton"),
    # a post and a unit before the name: the ending whose capitals spell the acronym
    ("I worked as a Research Officer in the Epidemiology Unit of the Central Widget Research Institute (CWRI) in Quilltown.",
     "CWRI", "Central Widget Research Institute"),
    # ... the ending spelled exactly, not a longer one holding its letters; an acronym's capitals only count
    ("an MA in the School of History and Quills of the Ada University of Quilltown (AUQ) in 2021",
     "AUQ", "Ada University of Quilltown"),
    ("an MA in the School of History and Quills of the Ada University of Thessquilltown (AUTh) in 2021",
     "AUTh", "Ada University of Thessquilltown"),
    # ... a syllable acronym too; a post "at" a name is no part of it
    ("I have worked as a Water Resources Engineer at National Widget Services Quillstan (NAWISQ) in Lahore.",
     "NAWISQ", "National Widget Services Quillstan"),
    ("I was a Research Engineer at Rolls Widget (RW) for two years.", "RW", "Rolls Widget"),
    # a city after "at" is part of a name ("the X School at Y")
    ("a month in the library of the Ruritanian School at Quilltown (RSQ)", "RSQ", "Ruritanian School at Quilltown"),
    # the acronym, then the name in the organisation's own language
    ("I studied at the National and Widgetian University of Quilltown (NWUQ, Εθνικό Πανεπιστήμιο) in 2018",
     "NWUQ", "National and Widgetian University of Quilltown"),
    # ... or the name in its own language first, the acronym after it
    ("a research assistant at the Widget Research Centre (Κέντρο Ερευνών Γουίτζετ, WRC) of Quill University",
     "WRC", "Widget Research Centre"),
    ("an analyst in the Financial Stability Department of the Central Bank of Quillia (Κεντρική Τράπεζα της Κύπρου, CBQ)",
     "CBQ", "Central Bank of Quillia"),
    ("I graduated from Ada Quillian State Medical Institute (Донишгоҳи давлатии тиббии Квилл, QSMI) in 2015",
     "QSMI", "Ada Quillian State Medical Institute"),
    # an elided article joins the word it stands before, which gives its letter
    ("I trained at the École Supérieure Polytechnique d’Quillville (ESPQ) of the University of Quillville",
     "ESPQ", "École Supérieure Polytechnique d’Quillville"),
])
def test_find_definitions_of_names(text, short, long):
    assert _definitions(text).names[short] == long


def test_an_acronym_after_a_units_name_and_its_universitys_own_language_name_is_not_the_units():
    text = "I studied at the Faculty of Widget Engineering of the Polytechnic University of Quill (Universiteti Politeknik i Quillës, UPQ)."
    assert "UPQ" not in _definitions(text).names


def test_an_acronym_of_the_name_in_its_own_language_needs_an_organisation_head():
    text = "the Metropolitan Widget Institute of Quill (IMEWIQ) and the Metropolitan Widget Forum (IMEWF)"
    assert _definitions(text).names == {"IMEWIQ": "Metropolitan Widget Institute of Quill"}
    assert _definitions(text, listed=frozenset({"IMEWIQ"})).names == {}
    # once spelled out, a later "Name (ACR)" whose letters do not match only uses it
    text = "the Metropolitan Widget Institute (MWI) ran the Quillburg Excavations Institute (MWI)"
    assert _definitions(text).names == {"MWI": "Metropolitan Widget Institute"}


@pytest.mark.parametrize("text, terms", [
    ("We used automatic widget recognition (AWR) and quill tracing (QT).", {"AWR", "QT"}),
    ("We used automatic widget recognition (XYZ).", set()),  # the letters spell no words before them
])
def test_find_definitions_of_terms(text, terms):
    definitions = _definitions(text)
    assert definitions.terms == terms and not definitions.names


def test_an_acronym_of_a_listing_name_may_leave_its_last_word_out():
    text = "To the Committee\nQuillfield Institute for Law, Widgets, and Society (QILW)\n"
    assert _definitions(text).names == {"QILW": "Quillfield Institute for Law, Widgets, and Society"}


@pytest.mark.parametrize("text, short, long", [
    # Spanish small words inside a name, an accented capital opening one of its words
    ("I joined the Asociación para la Conservación de la Cuenca Widgetiana (ACCW), an NGO.", "ACCW",
     "Asociación para la Conservación de la Cuenca Widgetiana"),
    ("It was used by the Servicio Nacional de Áreas Widgetales Protegidas por el Estado (SERNAWP).", "SERNAWP",
     "Servicio Nacional de Áreas Widgetales Protegidas por el Estado"),
    ("Data came from the Autoridad Nacional del Widget (ANW).", "ANW", "Autoridad Nacional del Widget"),
    # the acronym, then the name in apposition; an elided article and "pour" inside a French name
    ("I completed a master's at CEWQ, the Centre d'Excellence Widget pour la Quillerie, which is hosted by X.", "CEWQ",
     "Centre d'Excellence Widget pour la Quillerie"),
    # an article opens the name, not its acronym (nor the name's key)
    ("I hold an MEd from The University of the Widget Isles (UWI), Quill Campus.", "UWI", "University of the Widget Isles"),
    # two bodies named with "and the": the acronym is the second one's
    ("In 2021 Widgetco and the Quillian Center for Research in Gears (CNPEG) started a partnership.", "CNPEG",
     "Quillian Center for Research in Gears"),
])
def test_names_in_other_languages_define_their_acronyms(text, short, long):
    definitions = find_definitions(text, org_like=lambda name: True, listed=lambda name: False)
    assert definitions.names[short] == long


def test_an_acronym_in_the_units_own_language_names_the_unit_it_opens_with():
    text = ("I joined the Widget Vision & Robotics Laboratory in the School of Electrical Widgets and Informatics "
            "(STEWI), led by Dr. X.")
    names = find_definitions(text, org_like=lambda n: "School" in n or "Laboratory" in n, listed=lambda n: False).names
    assert names == {"STEWI": "School of Electrical Widgets and Informatics"}


@pytest.mark.parametrize("text, names", [
    # the acronym first, then the name it stands for in brackets, its fields listed with commas
    ("The project was funded by WQAF (the Widget Agency for Higher Education, Research, Development and Quill "
     "Funding).", {"WQAF": "Widget Agency for Higher Education, Research, Development and Quill Funding"}),
    # the acronym ending a longer name: the brackets translate the whole name
    ("- Widgetski inštitut ZRC QAZU (Institute of Widgetry, Research Centre of the Quill Academy of Sciences)", {}),
])
def test_an_acronym_explained_in_brackets_after_it(text, names):
    assert find_definitions(text, org_like=lambda n: True, listed=lambda n: False).names == names


@pytest.mark.parametrize("text, terms", [
    # a term may open with a name's capital ("African swine fever")
    ("a course on the diagnosis of African widget fever (AWF) in Quilltown", {"AWF"}),
    # but a body's name in its own language is no term
    ("a PhD at the Norges widget-quillvitenskapelige universitet (NWQU) in Trondheim", set()),
])
def test_terms_a_text_defines(text, terms):
    found = find_definitions(text, org_like=lambda name: False, listed=lambda name: False)
    assert set(found.terms) == terms


def test_a_body_named_in_its_own_language_defines_its_acronym():
    text = "Since 2024 I model sewers at Quillavská vodárenská spoločnosť (QVS), the city's water utility."
    found = find_definitions(text, org_like=lambda name: False, listed=lambda name: False)
    assert found.names == {"QVS": "Quillavská vodárenská spoločnosť"} and not found.terms


def test_a_defined_name_starts_after_a_sentences_full_stop():
    text = "2018-2022  BSc, Widget Engineering. Faculty of Widget Engineering (FWE), Ss. Quill University (SQU)."
    names = find_definitions(text, org_like=lambda name: True, listed=lambda name: False).names
    assert names["FWE"] == "Faculty of Widget Engineering" and names["SQU"] == "Ss. Quill University"
