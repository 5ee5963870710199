"""Relation and entity rules of the extractor, each on invented sentences (round-5 error types)."""
import pytest

from sopgraph.applicant import from_email
from tests.test_pipeline_stages import BODY, _extract, _papers, _people, _relations, _with_body


def _labels(ext, kind):
    return {m.label for m in ext.mentions if m.kind == kind}


# -- who wrote it --------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, source", [
    # the cue opens the sentence, capitalised
    ("My name is Jane Roe, and I study widgets.\n\n" + BODY, "Jane Roe", "self-introduction"),
    # a signature block with the e-mail address under the name
    ("Statement of purpose\n\n" + BODY + "\n\nJane Roe\njane.roe@uni.example", "Jane Roe", "last-line"),
    # a Markdown letterhead whose fields are set off by middle dots
    ("# Statement\n\n**Jane Roe** · MSc Widget Studies · University of Bergen\n\n## Why\n\n" + BODY, "Jane Roe", "header"),
    # a surname in capitals first, and the name in the other order in brackets
    ("QUILL Widgetina (Widgetina Quill)\nwidgetina.quill@uni.example\n\n" + BODY, "Widgetina Quill", "header"),
    # an e-mail: the sender, not the reader greeted; the signature gives the name in full
    ("From: Jane Roe <jane.roe@quill.example>\nTo: Admissions <adm@uni.example>\nSubject: Application\n\n"
     "Estimada Dra. Ada Renn,\n\n" + BODY + "\n\nSaludos cordiales,\n\n--\nJane Ada Roe Quill, Od.\n"
     "Dentist - Quill Clinic | Instructor - QU\nTel. +58 412 555 0193\njane.roe@quill.example\nQuilltown, Ruritania\n",
     "Jane Ada Roe Quill", "header"),
    # a statement about its subject names them once, beside "the candidate"
    ("# Statement of Purpose\n\n## About the candidate\n\nThe candidate, Jane Roe, is a widget teacher with ten years "
     "of experience. " + BODY, "Jane Roe", "role-apposition"),
])
def test_where_the_applicant_names_themselves(extractor, text, name, source):
    ext = _extract(extractor, text, name="doc.md" if text.startswith("#") else "doc.txt")
    assert (ext.applicant.name, ext.applicant.source) == (name, source)


def test_a_header_name_with_a_lower_case_particle(extractor):
    text = "STATEMENT OF PURPOSE\n\nLuisa Quill dos Renn\nApplicant to the PhD, University of Bergen\n\n" + BODY
    assert _extract(extractor, text).applicant.name == "Luisa Quill dos Renn"


def test_a_header_line_with_a_programme_names_its_unlisted_host(extractor):
    text = ("Jane Roe\nMSc Widget Health (distance learning) - Northfield School of Widgets & Tropical Medicine\n\n"
            "I have been a nurse for nineteen years. Data about falls on my ward made me curious about public health.")
    assert ("appliesTo", "Northfield School of Widgets & Tropical Medicine") in _relations(_extract(extractor, text))


def test_qualifying_from_a_university_is_studying_there(extractor):
    ext = _with_body(extractor, "I qualified as a nurse in 2005 with a diploma from the University of Bergen.")
    assert ("studiedAt", "University of Bergen") in _relations(ext)


def test_a_signature_with_a_short_given_name_is_the_applicant(extractor):
    text = "My name is Temperance Roe, though everyone calls me Temp.\n\n" + BODY + "\n\nThanks!\n\nTemp Roe"
    ext = _extract(extractor, text)
    assert ext.applicant.name == "Temperance Roe" and "Temp Roe" not in _people(ext)


def test_an_address_may_transliterate_the_surname(nlp):
    doc = nlp.make_doc("I study widgets.\n\nJana Müller\njana.mueller@uni.example")
    assert from_email(doc, ["Jana Müller"]) == "Jana Müller"


def test_the_letterhead_line_names_programme_and_place_applied_to(extractor):
    text = "# Statement\n\n**Jane Roe** · MSc Widget Studies · The University of Edinburgh\n\n## Why\n\n" + BODY
    assert ("appliesTo", "University of Edinburgh") in _relations(_extract(extractor, text, name="doc.md"))


# -- advisors and mentors ------------------------------------------------------------------

@pytest.mark.parametrize("passage, relation, present", [
    ("The Quill Lab is the widget group of Dr. Ada Quill, who became my main mentor.", ("mentoredBy", "Ada Quill"), True),
    ("Since my third year I have been an undergraduate researcher in the Quill Lab, the widget group led by "
     "Assoc. Prof. Dr. Ada Quill at the University of Bergen.", ("mentoredBy", "Ada Quill"), True),
    ("Since my third year I have been an undergraduate researcher in the Quill Lab, the widget group led by "
     "Assoc. Prof. Dr. Ada Quill at the University of Bergen.", ("workedAt", "Quill Lab"), True),
    ("In 2023 I was a visiting student at the Widget Institute of Oslo in the group of Dr. Bo Renn.",
     ("mentoredBy", "Bo Renn"), True),
    # the thesis work, told in the passive, and its co-supervisor ("co-supervised" splits at the hyphen)
    ("The experimental work was carried out at the Widget Institute under the supervision of Dr. Ada Quill i Vall, "
     "and co-supervised by Prof. Bo Renn of the University of Bergen.", ("mentoredBy", "Ada Quill i Vall"), True),
    ("The experimental work was carried out at the Widget Institute under the supervision of Dr. Ada Quill i Vall, "
     "and co-supervised by Prof. Bo Renn of the University of Bergen.", ("mentoredBy", "Bo Renn"), True),
    ("The field survey was conducted by a team from the ministry, supervised by Dr. Bo Renn.",
     ("mentoredBy", "Bo Renn"), False),
    # the head of the (lower-case) group the applicant has worked in, a surname with particles
    ("Since 2023 I have worked at the Widget Institute in Panama, in the plant–animal interactions group of "
     "Dr. Ada van den Quill.", ("mentoredBy", "Ada van den Quill"), True),
    ("My doctoral research was carried out in the lab of Prof. Ada Quill at the University of Bergen.",
     ("mentoredBy", "Ada Quill"), True),
    # "dr hab." is a title, not the end of a sentence
    ('My bachelor thesis, entitled "Characterisation of a widget source", was carried out in the Widget Photonics '
     "Group under the supervision of dr hab. Marek Quillowski. I assembled a source.", ("mentoredBy", "Marek Quillowski"), True),
    # an author of a reference line written in the body is no one the applicant wishes to work with
    ("I would be glad to carry out my research on widgets:\n\n"
     'A. Quill, P. Renn, M. Tamm, "Spectrally pure widgets from a group-velocity-matched gadget", arXiv:2406.09317 '
     "(2024).\n\nIt was fun.", ("prospectiveAdvisor", "P. Renn"), False),
    # "Engr." is a title, not the end of a sentence
    ("In summer 2023 I interned at Google. Working under Engr. Farhan Ali Qazi, the lead widget engineer, I built a tool.",
     ("mentoredBy", "Farhan Ali Qazi"), True),
    ("I finished my PhD at the University of Bergen under Prof. Cy Tamm, with Dr. Ada Quill (Universidad de Chile) "
     "as co-advisor.", ("mentoredBy", "Ada Quill"), True),
    ("I finished my PhD at the University of Bergen under Prof. Cy Tamm, with Dr. Ada Quill (Universidad de Chile) "
     "as co-advisor.", ("studiedAt", "Universidad de Chile"), False),
    # a wish said "under her supervision" is not guidance received
    ("I am drawn to the work of Prof. Ada Quill, and I would like to extend it to widgets under her supervision.",
     ("mentoredBy", "Ada Quill"), False),
    ("I would also value the opportunity to rotate with Dr. Bo Renn, whose methods I admire.",
     ("prospectiveAdvisor", "Bo Renn"), True),
    ("I would also benefit greatly from the expertise of Prof. Bo Renn in widget modelling.",
     ("prospectiveAdvisor", "Bo Renn"), True),
    ("I would love to work with Dr. Fionnuala McKechnie on widget prosody.", ("prospectiveAdvisor", "Fionnuala McKechnie"), True),
    # a wish said with a pronoun, about the one professor of the sentence before
    ("When I read about Dr. Ada Quill's work on widgets, I said 'oh!' out loud. I would be so excited to learn from her "
     "and to do my thesis with her group.", ("prospectiveAdvisor", "Ada Quill"), True),
    ("When I read about Dr. Ada Quill's work on widgets, I said 'oh!' out loud. I learned a lot from her.",
     ("prospectiveAdvisor", "Ada Quill"), False),
])
def test_advisors_and_mentors(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


# -- places of work ------------------------------------------------------------------------

@pytest.mark.parametrize("passage, relation, present", [
    ("After graduation I did my housemanship at Riverside General Hospital in Ibadan.",
     ("workedAt", "Riverside General Hospital"), True),
    ("For the past two years I've been a program officer (data) at Quorvia Maternal Health Initiative, a small NGO.",
     ("workedAt", "Quorvia Maternal Health Initiative"), True),
    # "GMP-like" is no wish ("would like")
    ("Before this, I spent two months as a laboratory intern at Widgetco Sistemleri, a small contract company in Ankara, "
     "where I purified fragments for clients under GMP-like documentation requirements.",
     ("workedAt", "Widgetco Sistemleri"), True),
    ("In fourth year I joined the Widget Health Students' Association, a student club that ran weekend clinics.",
     ("workedAt", "Widget Health Students' Association"), False),
])
def test_places_of_work(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


# -- what is and is not an organisation or a venue -------------------------------------------

@pytest.mark.parametrize("passage, kind, label, present", [
    ("In my final year I was a teaching assistant for WID 301 (Widget Laboratory), grading labs.",
     "organization", "Widget Laboratory", False),
    # a definite name of three words or more that ends in what organisations are called, after no preposition
    ("I produced the annual erosion maps that the Ruritania Widget Development Board uses to plan emergency works.",
     "organization", "Ruritania Widget Development Board", True),
    ("In 2022 I was engaged as a field enumerator for the Ruritania Demographic and Widget Survey.",
     "organization", "Ruritania Demographic and Widget Survey", False),
    # a post whose title reads like "X Research"
    ("After my M.Sc., I worked for two years as a Junior Research Associate at the Quillton Widget Centre.",
     "organization", "Junior Research", False),
    ('My first paper, "Row-Buffer Interference from Widget Prefetchers in DDR5 Systems", appeared in 2022.',
     "organization", "DDR5 Systems", False),
    ("Our paper appeared at MICRO 2023 (the IEEE/ACM International Symposium on Microarchitecture).",
     "organization", "IEEE", False),
    ('Our report, "Uptake of widgets in pregnancy across eleven centres", was published in the African Journal of '
     'Widget Health in 2023.', "venue", "African Journal of Widget Health", True),
    ('Our report, "Uptake of widgets in pregnancy across eleven centres", was published in the African Journal of '
     'Widget Health in 2023.', "venue", "Journal of Widget Health", False),
    # an acronym the text defines for a lower-case term names no venue
    ("My interests include automatic speech recognition (ASR) for dialects. I wrote scripts for ASR on accented German.",
     "venue", "ASR", False),
    ("In 2022 I co-founded the METU Widget Biology Reading Club, which meets every two weeks.",
     "organization", "METU Widget Biology Reading Club", True),
    # a degree is not an organisation; the host named after a programme keeps its "of …"
    ("He is applying to the Ph.D. in Widget Research at the University of Bergen.",
     "organization", "Ph.D. in Widget Research", False),
    ("Application: Ph.D. in Operations Research, H. Quill School of Industrial and Systems Engineering, Widget Tech.",
     "organization", "H. Quill School of Industrial and Systems Engineering", True),
    # a defined acronym wins over the list's other university of that acronym
    ("I received my B.Eng. from Hanoi University of Science and Technology (HUST) in 2020. At HUST I led a club.",
     "organization", "Huazhong University of Science and Technology", False),
    # a listed name inside a longer place name, and a listed name that is a named person's surname
    ("British Columbia's experience with the widget beetle offers a preview of what Ruritania may face.",
     "organization", "Columbia University", False),
    ("During my master's I worked with Dr. Eero Aalto on widget canopies, and Aalto encouraged me to apply.",
     "organization", "Aalto University", False),
    # a journal with a subtitle is another journal than the listed one it opens with
    ('Our paper "Quill flows in widget basins" appeared in Journal of Hydrology: Regional Studies in 2021.',
     "venue", "Journal of Hydrology: Regional Studies", True),
    ('Our paper "Quill flows in widget basins" appeared in Journal of Hydrology: Regional Studies in 2021.',
     "venue", "Journal of Hydrology", False),
    # a language is no venue
    ('Earlier I published a sole-authored article in Arabic, "The arrest of widgets under the Quill Commercial Law: '
     'gaps and proposals," in a law review.', "venue", "Arabic", False),
])
def test_organisations_and_venues(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


def test_a_short_name_of_an_unlisted_organisation_is_the_same_one(extractor):
    ext = _with_body(extractor, "I've been a program officer at Quorvia Maternal Health Initiative since 2022. Later I "
                                "would like to work with an organisation like Quorvia again.")
    assert {o for o in _labels(ext, "organization") if "Quorvia" in o} == {"Quorvia Maternal Health Initiative"}


def test_a_company_and_its_named_centre_are_two_organisations(extractor):
    ext = _with_body(extractor, "I accepted a position as a process engineer at Widgetron, at its plant in Quillton. In 2021 "
                                "I was embedded at the Widgetron Innovation and Technology Center for eight months.")
    assert {o for o in _labels(ext, "organization") if "Widgetron" in o} == {
        "Widgetron", "Widgetron Innovation and Technology Center"}


def test_a_surname_first_name_and_its_bare_surname_are_one_person(extractor):
    ext = _with_body(extractor, "I joined the lab for my M.S., advised by Prof. Baek Min-jun. Prof. Baek gave me freedom.")
    assert {p for p in _people(ext) if "Baek" in p} == {"Baek Min-jun"}


# -- papers and programmes -----------------------------------------------------------------

def test_a_course_named_in_quotes_is_not_a_paper(extractor):
    ext = _with_body(extractor, 'My work needed statistics, so I did the online course "Statistical Widgets with R for '
                                'Public Health" from the University of Bergen on Coursera.')
    assert not _papers(ext)


def test_reference_lines_in_the_body_are_the_applicants_papers(extractor):
    text = ("# Statement\n\n**Jane Roe** · MSc Widgets\n\n## Results\n\nI recorded three villages. Results:\n\n"
            '- Roe, J., Quill, A., & Renn, B. (2023). "Ein Korpus der Widgets aus Niederbayern." *WidgetConf 2023*.\n'
            "- Roe, J. 2024, ApJ, 900, 12, \"Windy widgets at high redshift\"\n\n## Goals\n\nMore widgets.\n")
    ext = _extract(extractor, text, name="doc.md")
    assert _papers(ext) == {"Ein Korpus der Widgets aus Niederbayern", "Windy widgets at high redshift"}
    assert "Ein Korpus" not in _people(ext)


def test_a_postdoctoral_fellowship_applied_for_is_a_programme(extractor):
    text = ("Jane Roe\n\nApplication for a Postdoctoral Fellowship at the University of Bergen\n\n"
            "I study widgets and I hope to continue at Bergen.")
    assert ("appliesToProgram", "Postdoctoral Fellowship") in _relations(_extract(extractor, text))


# -- round-7 error types: names in other languages, wishes that did not come true --------------

@pytest.mark.parametrize("passage, relation, present", [
    # a head-first name in Portuguese, whose "do" the parser reads as a verb
    ("From 2019 to 2021 I was a research assistant at the Instituto de Biologia Widgetal do Paraná.",
     ("workedAt", "Instituto de Biologia Widgetal do Paraná"), True),
    ("I earned my bachelor's degree at the Universidade Federal do Oeste do Widgetal.",
     ("studiedAt", "Universidade Federal do Oeste do Widgetal"), True),
    ("I spent a summer at the Estação Biológica de Widgetópolis, where I worked as a field assistant.",
     ("workedAt", "Estação Biológica de Widgetópolis"), True),
    # a degree named in Spanish
    ("I later completed a Maestría en Epidemiología at the Universidad Nacional de Widgetania, graduating in 2021.",
     ("studiedAt", "Universidad Nacional de Widgetania"), True),
    ("I entered the University of Bergen in 2013 intending to study law.", ("studiedAt", "University of Bergen"), True),
    # a stay that never happened, a wish that was not fulfilled, a supposition
    ("I was accepted for a summer exchange at the University of Tromsø but could not go because of the pandemic.",
     ("studiedAt", "University of Tromsø"), False),
    ("I had hoped to work with Professor Ada Quill as well, but I understand that she is no longer taking students.",
     ("prospectiveAdvisor", "Ada Quill"), False),
    ("I had hoped to work with Professor Ada Quill as well, but I understand that she is no longer taking students.",
     ("mentoredBy", "Ada Quill"), False),
    ("I am hoping to work with Professor Ada Quill on widget dynamics.", ("prospectiveAdvisor", "Ada Quill"), True),
    ("Had I accepted the editorial position offered to me by the Bureau of Widget Languages, I would now be editing "
     "school readers.", ("workedAt", "Bureau of Widget Languages"), False),
    ("My undergraduate thesis was supervised by Dr. Ir. Setyo Widgetto, who showed me the way.",
     ("mentoredBy", "Setyo Widgetto"), True),
])
def test_other_languages_and_unfulfilled_wishes(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, kind, label, present", [
    ("It appeared in the Revista Peruana de Widgetología Experimental y Salud Pública in 2022.",
     "venue", "Revista Peruana de Widgetología Experimental y Salud Pública", True),
    ("I attended the WIDGETS Annual Meeting in Indianapolis in 2022 as an audience member.",
     "venue", "WIDGETS Annual Meeting", True),
    ("I presented a poster at the MRS Fall Meeting.", "person", "Fall Meeting", False),
    ("When Cyclone Widgetta made landfall in 2020, I was tracking relief shipments.", "person", "Cyclone Widgetta", False),
    ("My undergraduate thesis was supervised by Dr. Ir. Setyo Widgetto.", "person", "Ir", False),
    ("I am writing to apply for the Ph.D. in Operations Research at the University of Bergen.",
     "program", "Ph.D. in Operations Research", True),
    ("I am applying to the doctoral program in Widget Science at the University of Bergen.",
     "program", "doctoral program in Widget Science", True),
])
def test_names_in_other_languages_and_forms(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


# -- round-8 error types: names in brackets and in other orders, plans that are not targets ----

def test_a_header_name_with_particles_and_one_written_surname_first(extractor):
    text = "María Ada de la Quill Renn\nCalle 45 # 13-20\nBogotá, Colombia\n\n" + BODY
    assert _extract(extractor, text).applicant.name == "María Ada de la Quill Renn"
    text = ("STATEMENT OF MOTIVATION\n\nApplicant: QUILL Văn Ada\nProgram: M.Sc. Widget Science\n"
            "University of Bergen (UiB)\n\nGoal\n" + BODY + "\n\n"
            "Publications\n[1] A. Quill and B. Roe, \"Low-cost widget odometry for flooded fields,\" in Proc. "
            "IEEE Int. Conf. on Widgets (ICW), 2023.\n[2] B. Roe and C. Penn, \"Widget slip on soft soil,\" "
            "arXiv preprint, 2024.\n")
    ext = _extract(extractor, text)
    assert ext.applicant.name == "QUILL Văn Ada"
    assert _papers(ext) == {"Low-cost widget odometry for flooded fields"}  # "A. Quill" is the applicant
    assert ("appliesTo", "University of Bergen") in _relations(ext)  # the line under the programme


@pytest.mark.parametrize("passage, relation, present", [
    # a translation and an acronym in brackets name the same university once
    ("I received my B.S. from Orta Widget Üniversitesi (OWÜ, Middle East Technical University) in 2016.",
     ("studiedAt", "Orta Widget Üniversitesi"), False),
    ("I received my B.S. from Orta Widget Üniversitesi (OWÜ, Middle East Technical University) in 2016.",
     ("studiedAt", "Middle East Technical University"), True),
    ("I was a postdoctoral fellow at the Max-Widget-Institut für Mathematik (MWIM) in Bonn from 2021 to 2023.",
     ("workedAt", "Max-Widget-Institut für Mathematik"), True),
    ("I worked as a research engineer at the Widgetland–Korea Institute of Science and Technology (WKIST).",
     ("workedAt", "Widgetland–Korea Institute of Science and Technology"), True),
    # an internship planned during the programme is not a place applied to
    ("If there is an opportunity, I would also like to do a research internship at the WDR Institute of Robotics "
     "during the program.", ("appliesTo", "WDR Institute of Robotics"), False),
    ("I would like to do my Master's thesis with Prof. Ada Quill, whose group studies widget terrain.",
     ("prospectiveAdvisor", "Ada Quill"), True),
    ("I did my bachelor's thesis with Prof. Ada Quill at the University of Bergen.", ("mentoredBy", "Ada Quill"), True),
    # a résumé-style entry: the workplace, the post and the dates, or the head of an entry and "I worked …"
    ("\nExperience\n- Widget Bank of Bergen, Bergen - Data Scientist II, Supply Chain (Jul 2021 - present)\n",
     ("workedAt", "Widget Bank of Bergen"), True),
    ("\nWidget Bank of Bergen, Risk Management Department, Bergen — Summer 2023. I worked on retail credit scorecards.",
     ("workedAt", "Widget Bank of Bergen"), True),
    ("\nWidget Bank of Bergen, Bergen — Summer 2023. The bank trades index futures.",
     ("workedAt", "Widget Bank of Bergen"), False),
    # the parser makes the entry the subject of the next line's verb
    ("\nExperience\n- Widget Bank of Bergen, Bergen - Data Scientist II (Jul 2021 - present)\n"
     "  Own the weekly demand forecast for 40 categories.\n", ("workedAt", "Widget Bank of Bergen"), True),
    # a titled person who taught the applicant; an author whose book "taught me" is not a mentor
    ("I spent ten weeks at the Widget Catalysis Center, where Dr. Rashid Quill taught me operando spectroscopy.",
     ("mentoredBy", "Rashid Quill"), True),
    ("Ada Quill's Black Widgets showed me a new history, and Marcus Roe taught me to read the ship as a social world.",
     ("mentoredBy", "Marcus Roe"), False),
    ("I taught Prof. Ada Quill's students for a term.", ("mentoredBy", "Ada Quill"), False),
    ("Since 2023 I have been a postdoctoral researcher in the Legged Widget Lab, hosted by Prof. Matthias Roe.",
     ("mentoredBy", "Matthias Roe"), True),
    # an earlier admission, an offer and a place not taken up are not places of study, work or application
    ("I should mention that I was admitted last year to the MSc in Urban Widgets at the Politecnico di Milano.",
     ("appliesTo", "Politecnico di Milano"), False),
    ("I should mention that I was admitted last year to the MSc in Urban Widgets at the Politecnico di Milano.",
     ("studiedAt", "Politecnico di Milano"), False),
    ("In 2022 I was offered a summer research internship at EPFL in the group of Professor Olivier Quill. My visa "
     "was refused.", ("workedAt", "EPFL"), False),
    ("In 2022 I was offered a summer research internship at EPFL in the group of Professor Olivier Quill. My visa "
     "was refused.", ("mentoredBy", "Olivier Quill"), False),
    ("I was offered a position at Acme Robotics, which I accepted, and I worked there for two years.",
     ("workedAt", "Acme Robotics"), True),
    ("That same year I was accepted into the MSc program at the University of Tromsø. I did not enrol. My family "
     "needed me.", ("studiedAt", "University of Tromsø"), False),
    ("I was accepted into the MSc program at the University of Tromsø. I graduated in 2020.",
     ("studiedAt", "University of Tromsø"), True),
    # a relative clause naming the role; an organisation that made something is not a workplace
    ("My undergraduate project was at the Widget Institute. Dr. Pieter van der Quill, who supervised my work there, "
     "gave me access to simulations.", ("mentoredBy", "Pieter van der Quill"), True),
    ("I admire Prof. Ada Penn, who supervises many students in Oslo.", ("mentoredBy", "Ada Penn"), False),
    ("Instead I spent those months working through the training material published by the European Centre for "
     "Widget Forecasts (ECWF).", ("workedAt", "European Centre for Widget Forecasts"), False),
    ("I was employed by the Widget Corporation from 2019 to 2021.", ("workedAt", "Widget Corporation"), True),
    # a name one uses is a tool; the work cue of the clause before is about the job, not the tool
    ("Since 2021 I have worked as an engineer at Quillmark Consultants. I lead the flood analysis and have used "
     "Widget Earth Engine to map flood extent.", ("workedAt", "Widget Earth Engine"), False),
    ("Since 2021 I have worked as an engineer at Quillmark Consultants. I lead the flood analysis and have used "
     "Widget Earth Engine to map flood extent.", ("workedAt", "Quillmark Consultants"), True),
    # a note without a finite verb, in a terse bullet list
    ("\n- Also very interested in Prof. Thomas Okwu-Widget's work on migration and local labour markets; happy "
     "to support either project.", ("prospectiveAdvisor", "Thomas Okwu-Widget"), True),
    ("\n- I was very interested in Prof. Thomas Okwu-Widget's work on migration when I was an undergraduate.",
     ("prospectiveAdvisor", "Thomas Okwu-Widget"), False),
    # a wish the next sentence says never came true
    ("I chose Bergen because I hoped to work with Prof. Ada Quill on her widget corpus. She was on leave that "
     "semester, however, and I never did get to work with her.", ("prospectiveAdvisor", "Ada Quill"), False),
])
def test_bracketed_translations_plans_and_wishes_undone(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, kind, label, present", [
    ("She received her Ph.D. from Widgetiçi Üniversitesi in 2021.", "organization", "Widgetiçi Üniversitesi", True),
    ("She received her Ph.D. from Widgetiçi Üniversitesi in 2021.", "person", "Widgetiçi Üniversitesi", False),
    ("I spent a year at the Instytut Widgetów Polskiej Akademii Nauk in Warsaw.", "organization",
     "Instytut Widgetów Polskiej Akademii Nauk", True),
    ("She studies graded Widgetti numbers of edge ideals.", "person", "Widgetti", False),
    ("I would like to visit the WDR Institute of Robotics and Mechatronics.", "organization",
     "WDR Institute of Robotics and Mechatronics", True),
    ("Rice farming in the delta is still done by hand, and the rice fields flood every year.", "organization",
     "Rice University", False),
    ("I then studied at Rice University in Houston.", "organization", "Rice University", True),
    ("We published the work in Widget & Engineering Chemistry Research: \"Hybrid prediction of fouling in loop "
     "reactors\" (Roe, Okamoto & Quill, 2021).", "venue", "Widget & Engineering Chemistry Research", True),
    ("I read your 2022 paper in ACS Widgetysis on the role of surface sites.", "venue", "ACS Widgetysis", True),
    ("I am applying to the PhD in Oceanography at the Widget Institution of Oceanography.", "organization",
     "Widget Institution of Oceanography", True),
    # honorifics of other languages are titles, not names
    ("My thesis was supervised by Ajarn Somsak Widgetwong at Chulalongkorn University.", "person",
     "Somsak Widgetwong", True),
    ("My thesis was supervised by dr hab. Tadeusz Widgetek.", "person", "Tadeusz Widgetek", True),
    # a title after a title, in lower case, where the model reads the name as a place
    ("I completed an M.Sc. in astronomy, with a thesis on flickering supervised by dr hab. Ewa Kordecka.", "person",
     "Ewa Kordecka", True),
    ("\n- **Summer Intern, Banco de la Widgetia**, Jun – Aug 2020", "person", "Summer Intern", False),
    # a listed one-word name that ends a person's name is the person's
    ("I taught Dr. Ada Penn's students.", "organization", "University of Pennsylvania", False),
    ("I then studied at Penn for two years.", "organization", "University of Pennsylvania", True),
    # a journal named after a publishing cue or before a citation, listed or not
    ("My first paper was published in Widget Today in 2022.", "venue", "Widget Today", True),
    ("A full manuscript is now under review at WidgetChem.", "venue", "WidgetChem", True),
    ("The manuscript is now in press at Molecular Widgetology. Data entry took a year.", "venue",
     "Molecular Widgetology", True),
    ("It is currently under review at Widg. Mater.; I also presented a poster.", "venue", "Widg. Mater.", True),
    ("It is under review at Widgetis. Since 2022 I have taught widgetry.", "venue", "Widgetis", True),
    ("It appeared in Molecular Biology of the Widget in 2024.", "venue", "Molecular Biology of the Widget", True),
    ("A recent study in Widget Policy (Quill et al., 2022) reports a similar pattern.", "venue", "Widget Policy", True),
    ("The survey was published by the Widget Statistical Service.", "venue", "Widget Statistical Service", False),
    ("The grant proposal was submitted to the Widget Foundation.", "venue", "Widget Foundation", False),
    ("It appeared as \"Where is one? Dancers and widgets\" (Quill & Roe, Widget Perception, 2024).", "venue",
     "Widget Perception", True),
    ("The survey is described in (Quill, Roe and Penn, 2023).", "venue", "Roe and Penn", False),
    # a listed journal inside a longer conference name is not named on its own
    ("It was presented at the 17th International Conference on Widget Perception and Cognition in 2023.", "venue",
     "International Conference on Widget Perception and Cognition", True),
    ("It was presented at the 17th International Conference on Widget Perception and Cognition in 2023.", "venue",
     "Cognition", False),
])
def test_names_in_more_languages_eponyms_and_sentence_capitals(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


# -- programmes and header lines ------------------------------------------------------------

_PLAIN = ("I study how mice decide when to leave a food patch. From 2019 to 2021 I was a research technician at "
          "the University of Bergen, where I recorded neurons. ")


@pytest.mark.parametrize("text, relation, present", [
    # a degree hoped for beyond the programme applied to
    ("Jane Roe\n\nI am applying to the MSc in Widgets at the University of Tromsø. " + _PLAIN
     + "In the longer term I hope to pursue a PhD on widget regeneration.", ("appliesToProgram", "PhD"), False),
    ("Jane Roe\n\nI am applying to the MSc in Widgets at the University of Tromsø. " + _PLAIN,
     ("appliesToProgram", "MSc in Widgets"), True),
    # "be", "ma" and "ms" in lower case are words, not degrees
    ("Jane Roe\n\n" + _PLAIN + "I intend to pursue a doctorate, and I believe that two years in your group would be "
     "the best preparation.", ("appliesToProgram", "be"), False),
    # a degree after the author's own name is held, not applied to; the line names where one applies
    ("# Research Statement\n\n**Jane Quill Roe, Ph.D.**\nApplication for a postdoctoral position · Widget Foundation, "
     "Lisbon\n\n## 1. Overview\n\n" + _PLAIN, ("appliesToProgram", "PhD"), False),
    ("# Research Statement\n\n**Jane Quill Roe, Ph.D.**\nApplication for a postdoctoral position · Widget Foundation, "
     "Lisbon\n\n## 1. Overview\n\n" + _PLAIN, ("appliesTo", "Widget Foundation"), True),
])
def test_programmes_and_header_lines(extractor, text, relation, present):
    assert (relation in _relations(_extract(extractor, text, name="doc.md" if text.startswith("#") else "doc.txt"))) is present


@pytest.mark.parametrize("text, label", [
    ("Applicant Research Profile\n\nJane Roe\n\n" + BODY, "Applicant Research"),
    ("Jane Roe\nApplying to: M.S./Ph.D. in Widget Engineering (Widget Theory and Systems), University of Bergen\n\n" + BODY,
     "Widget Theory and Systems"),
])
def test_header_words_that_are_not_organisations(extractor, text, label):
    assert label not in _labels(_extract(extractor, text), "organization")


def test_an_abbreviated_given_name_keeps_its_full_stop(extractor):
    text = "Md. Widget Hasan Quill\nFlat 6B, House 22, Road 9\nDhaka 1209, Bangladesh\n\n" + BODY
    assert _extract(extractor, text).applicant.name == "Md. Widget Hasan Quill"


def test_a_lettered_list_of_published_work(extractor):
    ext = _with_body(extractor, "\nMy doctoral research was carried out at the Widget Centre. The main findings have been "
                     "published as follows:\n\n(a) \"Pedestrian widget severity at midblock crossings\", Accident Widgets "
                     "& Prevention, 2022 (with R. Quill and N. Roe);\n\n(b) \"Transferability of surrogate widget "
                     "thresholds\", Australasian Widget Safety Conference (AWSC), 2021.\n\nI then studied law.")
    assert _papers(ext) == {"Pedestrian widget severity at midblock crossings", "Transferability of surrogate widget thresholds"}
    assert {"Accident Widgets & Prevention", "Australasian Widget Safety Conference"} <= _labels(ext, "venue")


# -- round 11: groups and their heads, partners, secondments, signed names, short names ------

@pytest.mark.parametrize("passage, relation, present", [
    # "led by" however the parse attaches it, and "the X Group of Prof. P", in a group the applicant is in
    ("At the Widget Institute for Gadgetry I work in the Prediction in Widgets group led by Dr. Ada Quill. "
     "Here I moved toward models.", ("mentoredBy", "Ada Quill"), True),
    ("In 2020 I started an M.Sc. in Physical Chemistry at the University of Bergen, in the Sprocket and Widget "
     "Group of Prof. Bo Renn-Tamm at the School of Chemistry.", ("workedAt", "Sprocket and Widget Group"), True),
    ("In 2020 I started an M.Sc. in Physical Chemistry at the University of Bergen, in the Sprocket and Widget "
     "Group of Prof. Bo Renn-Tamm at the School of Chemistry.", ("mentoredBy", "Bo Renn-Tamm"), True),
    # a group named with its head that the applicant never joined
    ("I admire the Sprocket and Widget Group of Prof. Bo Renn-Tamm.", ("mentoredBy", "Bo Renn-Tamm"), False),
    # something else (a programme) worked with the partner
    ("The programme was co-funded by a charity and worked closely with the Quorvia City Widget Company (QCWC).",
     ("workedAt", "Quorvia City Widget Company"), False),
    # a secondment is work there
    ("I also spent three months seconded to the Quorvia National Bureau of Widgets to match utility data.",
     ("workedAt", "Quorvia National Bureau of Widgets"), True),
    ("I sent my data to the Quorvia National Bureau of Widgets.", ("workedAt", "Quorvia National Bureau of Widgets"), False),
    # a coordinated verb inside a plan is planned too
    ("After the MPP, I plan to return to Kenya and work either at the Quorvia Widget Board or with the Ministry "
     "of Widgets on tariffs.", ("workedAt", "Quorvia Widget Board"), False),
])
def test_group_heads_partners_secondments_and_plans(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


def test_a_syllable_acronym_names_the_organisation_it_follows(extractor):
    ext = _with_body(extractor, "I now work as a research officer at the Widget Services Regulatory Board (WISREB). "
                                "My manager at WISREB taught me a lot.")
    assert "Widget Services Regulatory Board" in _labels(ext, "organization") and "WISREB" not in _labels(ext, "organization")


def test_a_university_named_by_its_first_word_is_the_same_one(extractor):
    ext = _with_body(extractor, "I completed my B.Sc. at Sharif University of Technology in 2019.\n\n"
                                "Undergraduate research at Sharif\n\nI built coin cells.")
    assert "Sharif" not in _labels(ext, "organization") and ("studiedAt", "Sharif University of Technology") in _relations(ext)


def test_a_surname_marked_header_name_takes_the_order_it_is_signed_in(extractor):
    text = "STATEMENT OF PURPOSE\nQUILL Adaora (奎)\nApplicant, Ph.D. Program, University of Bergen\n\n" + BODY + \
        "\n\nThank you for considering my application.\n\nAdaora Quill"
    assert _extract(extractor, text).applicant.name == "Adaora Quill"
    unsigned = "STATEMENT OF PURPOSE\nQUILL Adaora\nApplicant, Ph.D. Program, University of Bergen\n\n" + BODY
    assert _extract(extractor, unsigned).applicant.name == "QUILL Adaora"


def test_a_quoted_preprint_with_an_arxiv_identifier_appeared_on_arxiv(extractor):
    ext = _with_body(extractor, 'The result is now a preprint, "On the Sensitivity of Sparse Widget Functions" '
                                '(with A. Quill), arXiv:2402.11873, 2024.')
    labels = {m.index: m.label for m in ext.mentions}
    assert {(labels[f.subject], f.predicate, labels.get(f.object, f.object)) for f in ext.facts if f.subject in labels} >= {
        ("On the Sensitivity of Sparse Widget Functions", "publishedIn", "arXiv"),
        ("On the Sensitivity of Sparse Widget Functions", "year", "2024")}


def test_a_defined_long_name_around_a_listed_one_is_the_organisation(extractor):
    ext = _with_body(extractor, "The project was funded by the Quorvia National Science Foundation (QNSF), and I wrote "
                                "the renewal report myself.")
    assert "Quorvia National Science Foundation" in _labels(ext, "organization")
    assert "National Science Foundation" not in _labels(ext, "organization")


def test_a_free_topic_keeps_the_longer_form_the_text_used(extractor):
    ext = _with_body(extractor, "I want to study the analysis of sprocket functions and its uses in gadget lower bounds.")
    topics = {m.label: m.aliases for m in ext.mentions if m.kind == "topic"}
    assert "analysis of sprocket functions" in topics.get("sprocket functions", ())


def test_a_self_introduced_name_with_a_surname_particle(extractor):
    text = "Personal Statement\n\nMy name is Rosa Quillamo delos Renn, though everyone calls me Ro. " + BODY
    assert _extract(extractor, text).applicant.name == "Rosa Quillamo delos Renn"


def test_an_author_signing_with_the_first_of_two_surnames_is_the_applicant(extractor):
    text = ("María José Quill Renn\n\n" + BODY + "\n\nReferences\n\n1. Quill, M. J., & Tamm, C. (2023). Widget drought "
            "propagation in Andean catchments. Widget Resources Research, 59(6), 1-9.\n")
    assert _papers(_extract(extractor, text)) == {"Widget drought propagation in Andean catchments"}


# -- round 16: calqued cues, roles told after the name, lists of faculty, names around listed ones --

@pytest.mark.parametrize("passage, relation, present", [
    # the Portuguese "orientação" rendered word for word
    ("I joined the Widget Catalysis Laboratory under the orientation of Prof. Ada Quill Pacheco.",
     ("mentoredBy", "Ada Quill Pacheco"), True),
    # the role told after the name, past an appositive
    ("In the lab I was accompanied by Dr. Bo Renn, a postdoctoral researcher of the group, who was my direct mentor.",
     ("mentoredBy", "Bo Renn"), True),
    # "my supervisor was the engineer P": an occupation before the name, which the model reads as an organisation
    ("In 2022 I made an internship at Widgetco. My supervisor was the engineer Cláudio Quillberg.",
     ("mentoredBy", "Cláudio Quillberg"), True),
    # the head of the study the applicant worked in; "our study, led by P" stays a collaborator's
    ("For two summers I worked as a field technician at the Widget Field Station in a long-term pollination study "
     "led by Dr. Ada Quill-Strand.", ("mentoredBy", "Ada Quill-Strand"), True),
    ("Our study, led by Dr. Ada Quill-Strand, measured widget yields.", ("mentoredBy", "Ada Quill-Strand"), False),
    # a list of faculty, one person per line, after a line that introduces it
    ("Three faculty members in particular draw me there:\n\nDr. Ada Quill, whose work on widget networks is the next "
     "step.\nDr. Bo Renn, whose studies of widget recovery connect to my work.\n",
     ("prospectiveAdvisor", "Bo Renn"), True),
    ("Three faculty members in particular draw me there:\n\nDr. Ada Quill, whose work on widget networks is the next "
     "step.\nDr. Bo Renn, whose studies of widget recovery connect to my work.\n",
     ("prospectiveAdvisor", "Ada Quill"), True),
    # the Indonesian and Dutch engineer's title
    ("I worked under the supervision of Ir. Ahmad Quill on feeder plans.", ("mentoredBy", "Ahmad Quill"), True),
    # joining an employer as a post holder; the work of another body is not work there
    ("I completed my BSc at the University of Bergen in 2016 and joined Widget County Referral Hospital as a Public "
     "Health Officer.", ("workedAt", "Widget County Referral Hospital"), True),
    ("I completed my BSc at the University of Bergen in 2016 and joined Widget County Referral Hospital as a Public "
     "Health Officer.", ("studiedAt", "Widget County Referral Hospital"), False),
    ("In 2019 I joined the Quill Community Health Partnership, a non-governmental organisation supporting community "
     "health, first as a Monitoring Officer.", ("workedAt", "Quill Community Health Partnership"), True),
    ("I have followed the work of the Widget Services Unit at the Quill Widget Institute for several years.",
     ("workedAt", "Quill Widget Institute"), False),
    # an experience the statement counts is the applicant's
    ("The second experience was a year spent as an editorial assistant at the Quill Widget Verlag in Hamburg.",
     ("workedAt", "Quill Widget Verlag"), True),
])
def test_roles_faculty_lists_and_posts_joined(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, kind, label, present", [
    # a capitalised word or an unlisted acronym before a listed name that opens with its head word
    ("I did my bachelor's at the Widgetian University of Guadalajara in 2015.",
     "organization", "Widgetian University of Guadalajara", True),
    ("He received his PhD in Linguistics from WOAS University of London in 2020.",
     "organization", "WOAS University of London", True),
    # a listed two-word name that goes on with "of the …"
    ("I studied musicology at Tokyo University of the Widget Arts.", "organization", "Tokyo University of the Widget Arts", True),
    ("I studied musicology at Tokyo University of the Widget Arts.", "organization", "University of Tokyo", False),
    # "… and …" inside a longer name, closed by a city
    ("I completed my BS-MS at the Indian Institute of Science Education and Research Bhopal in 2019.",
     "organization", "Indian Institute of Science Education and Research Bhopal", True),
    # a known company's product, then "and" a numbered one: two things, not one longer name
    ("At work I used Google Earth Engine and Sentinel-1 imagery to map floods.",
     "organization", "Google Earth Engine and Sentinel-1", False),
    # a bracket the model's span never closes; a post is not an organisation; a hyphen-joined acronym and a head
    ("In 2019 I joined the Quill Community Health Partnership (QCHP), a small NGO.",
     "organization", "Quill Community Health Partnership", True),
    ("I am writing to apply for the position of Research Fellow in Widget Systems advertised on your website.",
     "organization", "Research Fellow in Widget Systems", False),
    ("I am writing to apply for the post advertised on the WIDG-Quill Trust Research Programme website.",
     "organization", "WIDG-Quill Trust Research Programme", True),
    # national funding agencies named by an acronym after an award
    ("I held a scientific initiation scholarship of WIDGq from 2021 to 2023.", "organization", "WIDGq", True),
    ("I am also candidate to a doctoral fellowship abroad of QUILLS.", "organization", "QUILLS", True),
    # a German journal's lower-case adjective
    ("In 2021 my review appeared in the Zeitschrift für widgetische Forschung.",
     "venue", "Zeitschrift für widgetische Forschung", True),
    # an author whose book or theory the sentence names; never an advisor
    ("I admire Helga Quillberg's book on widgets.", "person", "Helga Quillberg", True),
    ("Dr. Ada Quill's papers on Kant's theory of intuition guide me.", "person", "Kant", True),
])
def test_names_around_listed_ones_funders_and_authors(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


def test_a_discussed_author_is_no_advisor(extractor):
    ext = _with_body(extractor, "Prof. Quill insisted that every claim I made about Kant's theory be paired with "
                                "a claim about what would follow if Kant were right; I would like that again.")
    assert "Kant" in _people(ext) and not {r for r in _relations(ext) if r[1] == "Kant"}


def test_an_undefined_acronym_spelling_a_named_organisation_is_that_organisation(extractor):
    ext = _with_body(extractor, "I am writing to apply to the WIDG-Quill Trust Research Programme. I have followed "
                                "the Widget Services Unit at WQTRP for several years.")
    assert "WQTRP" not in _labels(ext, "organization")
    assert "WIDG-Quill Trust Research Programme" in _labels(ext, "organization")


def test_a_venue_named_in_full_and_by_its_abbreviated_title_is_one(extractor):
    text = ("Jane Roe\n\n" + BODY + " This work was published in Widget & Quill Chemistry Research,<sup>1</sup> and I am "
            "the first author.\n\nReferences\n\n(1) Roe, J.; Quill, A. B.; Renn, B. C. Mesopore engineering of widgets "
            "by controlled desilication. Widg. Quill Chem. Res. 2023, 62 (18), 7041–7053.")
    ext = _extract(extractor, text)
    assert "Mesopore engineering of widgets by controlled desilication" in _papers(ext)
    assert [v for v in _labels(ext, "venue") if "Chem" in v] == ["Widget & Quill Chemistry Research"]


def test_a_venue_is_the_same_as_the_acronym_its_reference_defines(extractor):
    text = ("Jane Roe\n\n" + BODY + " The results appeared at WIDGA 2023 [1].\n\nReferences\n\n[1] J. Roe and A. Quill. "
            "Cache-efficient widgets. In Proceedings of the International Symposium on Widget Algorithms (WIDGA), "
            "pages 1--17, 2023.")
    venues = [m for m in _extract(extractor, text).mentions if m.kind == "venue"]
    assert len(venues) == 1
    assert {venues[0].label, *venues[0].aliases} >= {"WIDGA", "International Symposium on Widget Algorithms"}


def test_a_programme_with_its_short_form_in_brackets(extractor):
    text = ("Jane Roe\nApplicant to the Master of Widgetry (MWid) in Computer Science, University of Waterloo\n\n" + BODY)
    programs = _labels(_extract(extractor, text), "program")
    assert "Master of Widgetry (MWid) in Computer Science" in programs


# -- round 17: letters from Nigeria, Vietnam, France, Chile, Korea and Canada -----------------

@pytest.mark.parametrize("passage, relation, present", [
    # a long opening phrase names the applicant's student role: study there, whatever the main verb
    ("I have spent most of the decade since on sites, first as an undergraduate in the Department of Widget "
     "Engineering at the University of Bergen, and I am now applying to the MASc programme.",
     ("studiedAt", "University of Bergen"), True),
    ("As an undergraduate in the Faculty of Widgets at the University of Bergen, I worked as a volunteer tutor.",
     ("workedAt", "Faculty of Widgets"), False),
    # "in the first place" is an idiom, not a destination
    ("I want to assess buildings that were never designed in the first place, which is why I studied at the "
     "University of Bergen.", ("appliesTo", "University of Bergen"), False),
    # a national service posting and a company with a legal suffix
    ("After graduation I was posted to the Quillshire State Widget Control Agency.",
     ("workedAt", "Quillshire State Widget Control Agency"), True),
    ("I spent six months as an engineering intern with Quillworks Widgetland Plc on a flyover.",
     ("workedAt", "Quillworks Widgetland"), True),
    # a coordinated clause with its own subject holds the organisation
    ("Dr. Ada Quill encouraged me to pursue widgets and, after graduating in 2018, I joined the Quill Widget "
     "Institute as a junior researcher.", ("workedAt", "Quill Widget Institute"), True),
    # an academy's institute is the workplace; the academy only hosts it
    ("After graduating I joined the Institute of Widgetry of the Quill Academy of Sciences as a junior researcher.",
     ("workedAt", "Institute of Widgetry"), True),
    ("After graduating I joined the Institute of Widgetry of the Quill Academy of Sciences as a junior researcher.",
     ("workedAt", "Quill Academy of Sciences"), False),
    # teaching at a university is a post there; a doctoral lab is a workplace
    ("During my thesis I taught the exercise classes of the first-year algebra course at the University of Bergen.",
     ("workedAt", "University of Bergen"), True),
    ("I defended my doctoral thesis at the Quill Widget Laboratory in December 2023.",
     ("workedAt", "Quill Widget Laboratory"), True),
    # a short school attended in the summer is no place of study
    ("In the summer of 2023 I attended a two-week summer school in widget psychology at the University of Bergen.",
     ("studiedAt", "University of Bergen"), False),
])
def test_round_17_relations(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, relation", [
    ("I then began my thesis under the supervision of Jean-Pierre Quillard the same autumn.",
     ("mentoredBy", "Jean-Pierre Quillard")),
    ("From 2019 to 2020 I worked as a research assistant for Professor Ada Quillson at the University of Bergen.",
     ("mentoredBy", "Ada Quillson")),
    ("The person who changed my mind was Dr. Ada Quillson, who was a postdoc in the lab and who agreed to "
     "co-supervise my honours thesis.", ("mentoredBy", "Ada Quillson")),
    ("Professor Ada Quillson's group. Her group's work on widgets is what I need. Joining the Quillson group is my "
     "first choice.", ("prospectiveAdvisor", "Ada Quillson")),
])
def test_round_17_people(extractor, passage, relation):
    assert relation in _relations(_with_body(extractor, passage))


@pytest.mark.parametrize("passage, present", [
    # the one told to do something does it: "P pushed me to complete a diploma at X"
    ("Dr. Ada Quill pushed me to complete a diploma in widget design at the University of Bergen, which helped.", True),
    ("Dr. Ada Quill pushed her students to complete a diploma in widget design at the University of Bergen.", False),
])
def test_a_study_someone_urged_the_applicant_to_do(extractor, passage, present):
    assert (("studiedAt", "University of Bergen") in _relations(_with_body(extractor, passage))) is present


def test_an_advertised_fellowship_names_the_place_applied_to(extractor):
    text = ("Jane Roe\n\nI am writing to apply for the two-year Research Fellowship in Widgets advertised by the "
            "Department of Statistics at the University of Bergen. " + BODY)
    relations = _relations(_extract(extractor, text))
    assert ("appliesTo", "University of Bergen") in relations and ("studiedAt", "University of Bergen") not in relations


@pytest.mark.parametrize("passage, kind, label", [
    # a field name that goes on after "and", an academy and a university with its city
    ("I studied at the University of Widget Sciences and Humanities before moving abroad.",
     "organization", "University of Widget Sciences and Humanities"),
    ("I studied at Vietnam National University, Hanoi, before moving abroad.",
     "organization", "Vietnam National University Hanoi"),
    # a name listing fields with commas, defined by its acronym
    ("My thesis was done at the Laboratoire de Widgets, Statistique et Modélisation (LWSM) in Paris.",
     "organization", "Laboratoire de Widgets, Statistique et Modélisation"),
    # the society a meeting is named after
    ("We presented it at the Annual Conference of the Quillshire Institution of Widget Engineers (2022).",
     "organization", "Quillshire Institution of Widget Engineers"),
    # a college of a federal university named without "College"
    ("I am applying to the PhD in Psychology at Goldsmiths, University of London.",
     "organization", "Goldsmiths College, University of London"),
])
def test_round_17_names(extractor, passage, kind, label):
    assert label in _labels(_with_body(extractor, passage), kind)


@pytest.mark.parametrize("passage, label, present", [
    # a name listing fields with commas and a conjunction, with no acronym after it
    ("My thesis was supervised in the Centre of Excellence in Widgets, Quills, Sprockets and Gears. Then I moved.",
     "Centre of Excellence in Widgets, Quills, Sprockets and Gears", True),
    ("I volunteered at the Museo Nacional de Widgetología, Quillología e Historia del Quillistán in Quillton.",
     "Museo Nacional de Widgetología, Quillología e Historia del Quillistán", True),
    # what follows the comma is another body, so the name ends before it
    ("I worked at the Department of Widgets, Quillton University and Sprocket Ltd before that.",
     "Department of Widgets, Quillton University and Sprocket Ltd", False),
])
def test_a_name_listing_fields(extractor, passage, label, present):
    assert (label in _labels(_with_body(extractor, passage), "organization")) is present


def test_who_offered_a_post_is_an_organisation_unless_a_country(extractor):
    orgs = _labels(_with_body(extractor, "In 2023 I had an offer from Widgetsol to join its team as an agronomist. "
                                         "In 2024 I received an offer from Germany, which I declined."), "organization")
    assert "Widgetsol" in orgs and "Germany" not in orgs


def test_a_series_number_is_no_part_of_a_name(extractor):
    ext = _with_body(extractor, 'The paper is available as "Liquidity Windfalls and Widget Spending," Working Papers '
                                "of the Central Bank of Widgetland No. 1012.")
    assert "Working Papers of the Central Bank of Widgetland" in _labels(ext, "venue")
    assert not any(label.endswith("No") for label in _labels(ext, "organization"))


def test_joint_work_and_a_preprint_after_a_quoted_title(extractor):
    ext = _with_body(extractor, 'In joint work with Quill, "Cutoff for the widget walk on dynamical graphs" '
                                '(Electron. J. Widg. 28, 2023), we consider widgets. I also wrote "Metastability of '
                                'widgets on sparse random graphs" (arXiv:2406.11873, submitted).')
    assert {"Cutoff for the widget walk on dynamical graphs", "Metastability of widgets on sparse random graphs"} \
        <= set(_papers(ext))
    assert "arXiv" in _labels(ext, "venue")


def test_a_heading_line_names_the_lab_and_the_paragraph_under_it_the_post(extractor):
    text = ("# Statement\n\n**Jane Roe**\nApplicant, PhD in Widgets - Stanford University\n\n" + BODY
            + "\n\n## Research Experience\n\n"
            "### Thin Widget & Interface Laboratory, University of Bergen (2017–2020)\n\n"
            "I joined Prof. Quill's lab as an undergraduate intern and stayed for my master's. Thin widgets are hard.\n")
    ext = _extract(extractor, text, name="doc.md")
    assert ("workedAt", "Thin Widget & Interface Laboratory") in _relations(ext)


def test_an_address_block_under_a_post_nominal_degree_is_no_target(extractor):
    text = ("Jane Roe, PhD\nWidget Homeostasis Laboratory\nInstitute for Research in Widgets (IRW Bergen)\n\n"
            "Dr. Ada Quill\nQuill Widget Institute\n\nDear Dr. Quill,\n\n" + BODY)
    ext = _extract(extractor, text)
    assert ("appliesTo", "Widget Homeostasis Laboratory") not in _relations(ext)
    assert "IRW Bergen" not in _labels(ext, "organization")


@pytest.mark.parametrize("passage, label", [
    # a foundation's or a trust's name goes on with "of …" or "for …"
    ("The support that the Quillson Foundation of Widget Science gives to field studies matters.",
     "Quillson Foundation of Widget Science"),
    ("I catalogued drawings for the Widget Khan Trust for Culture in Quillton.", "Widget Khan Trust for Culture"),
    # another university after "and" is a second place, not more of the first name
    ("I studied at the University of Widget Sciences and Quill University before moving abroad.",
     "University of Widget Sciences"),
    # a place after "and" is no part of a field
    ("I compared the University of Widget Sciences and Bergen in my thesis.", "University of Widget Sciences"),
])
def test_where_a_name_after_its_head_word_ends(extractor, passage, label):
    assert label in _labels(_with_body(extractor, passage), "organization")


def test_a_campus_and_its_university_are_one_target(extractor):
    text = ("# Statement of Purpose\n\n**Program:** Master of Arts in Widgetry, Jacobs School of Music, Indiana University "
            "Bloomington\n\n## Why\n\nI am applying to the M.A. in Widgetry at Indiana University because I study widgets.\n")
    targets = {r[1] for r in _relations(_extract(extractor, text, name="doc.md")) if r[0] == "appliesTo"}
    assert targets == {"Indiana University Bloomington"}


def test_titles_counted_after_an_owned_one_are_the_applicants(extractor):
    text = ("Jane Roe\n\nJane Roe is a dentist. She grew up in Quillton, where she saw widgets decay. Her research has "
            "produced two papers. The first, \"Widget consumption and quill decay among "
            "schoolchildren\", was published in BMC Oral Health in 2021 and found a strong effect. The second, \"Quill "
            "concentrations in widget sources of the Eastern Province\", appeared in Community Dentistry and Oral "
            "Epidemiology in 2023; it combined sampling with survey data.\n")
    assert _papers(_extract(extractor, text)) == {"Widget consumption and quill decay among schoolchildren",
                                                  "Quill concentrations in widget sources of the Eastern Province"}


def test_titles_counted_after_a_sentence_announcing_them_are_the_applicants(extractor):
    text = ("Jane Roe\n\nSince 2019 I have worked as an epidemiologist at the Quill Centre for Widget Control.\n\n"
            "Two results from this work have been published or presented. The first, \"Treatment outcomes of widget "
            "fatigue among returning quill workers\", appeared in the Widget Journal of Lung Disease in 2022. The second, "
            "\"Diagnostic delay among quill workers returning home\", was an e-poster at the Widget Conference on Lung "
            "Health in 2023. A third manuscript, \"Household screening after quill index cases: a cohort\", is in "
            "preparation.\n\nI then studied law.\n")
    assert _papers(_extract(extractor, text)) == {"Treatment outcomes of widget fatigue among returning quill workers",
                                                  "Diagnostic delay among quill workers returning home",
                                                  "Household screening after quill index cases: a cohort"}


def test_resume_items_saying_what_the_work_is_before_its_quoted_title(extractor):
    text = ("# Jane Roe — application note\n\n**Programme:** MSc in Widget Science, Quill University\n\n## Why\n\n"
            "- I have done field trials on widgets for five years, and I now need training in quill modelling.\n\n"
            "## Publications and presentations\n\n"
            '- 2022 — Poster, Widgettag 2022 (Prague): "Quill pits and widget micro-dosing for pearl millet". Co-authors A. Roe.\n'
            '- 2023 — Article (2nd author): "Widget parkland density and quill carbon stocks", *Journal of Arid Widgets* 2023.\n'
            '- In preparation — "Widget regeneration and topsoil quills: a chronosequence" (with colleagues).\n\n'
            "## Other\n\n- Languages: English.\n")
    assert _papers(_extract(extractor, text, name="doc.md")) == {
        "Quill pits and widget micro-dosing for pearl millet", "Widget parkland density and quill carbon stocks",
        "Widget regeneration and topsoil quills: a chronosequence"}


def test_a_lettered_list_of_papers_with_a_stop_after_the_authors(extractor):
    text = ("Jane Roe\nPhD in Widget Science\n\n1. OBJECTIVE\n- Research on widget reserving under climate risk, with "
            "applications to agricultural widget insurance in the region where I grew up and now work.\n\n"
            "4. RESEARCH OUTPUT\n"
            '- [A] J. Roe, A. Quill. "Bayesian widget reserving with weather covariates." Widget Bulletin, 2023.\n'
            '- [B] J. Roe, V. Penn, Zh. Omarova. "A coherent stochastic widget model with regional effects." Under review.\n\n'
            "5. WHY HERE\n- The department is strong in widgets.\n")
    assert _papers(_extract(extractor, text)) == {"Bayesian widget reserving with weather covariates",
                                                  "A coherent stochastic widget model with regional effects"}



@pytest.mark.parametrize("text, kind, label, present", [
    # a job title after a name is no person
    ("Jane Roe\n\nAt the agency I work under Dr. Ada Quill, Principal Scientist, on the national widget survey.",
     "person", "Principal Scientist", False),
])
def test_round_twenty_one_names(extractor, text, kind, label, present):
    assert (label in _labels(_extract(extractor, text), kind)) is present


def test_spellings_of_one_programme_are_one_programme(extractor):
    text = ("# Statement of Purpose \u2014 M.S. in Widget Engineering\n\n**Applicant:** Jane Roe\n"
            "**Program:** Master of Science in Widget Engineering, Quill College of Widgets, Widgetford State University\n\n"
            "## Why\n\nI am applying to the M.S. in Widget Engineering at Widgetford State University to study widgets.\n")
    relations = _relations(_extract(extractor, text, name="doc.md"))
    assert len({r for r in relations if r[0] == "appliesToProgram"}) == 1
    assert {r[1] for r in relations if r[0] == "appliesTo"} == {"Widgetford State University"}


def test_a_workshop_named_in_quotes_is_a_venue_and_no_paper(extractor):
    ext = _with_body(extractor, 'In 2023 I co-organised the workshop "Glossing the Widget: Commentary from Quillton to '
                                'Widgetford" at Widget University, where I also presented a paper.')
    assert not _papers(ext)
    assert "Glossing the Widget: Commentary from Quillton to Widgetford" in _labels(ext, "venue")


@pytest.mark.parametrize("passage, relation, present", [
    ("I have taught widget composition at Quillton University.", ("workedAt", "Quillton University"), True),
    # another subject between the teaching verb and the name: where one taught is not where one organised
    ("I have taught widget composition and an introductory course at Quillton University, and I co-organised a "
     "workshop at Widgetford University in 2023.", ("workedAt", "Widgetford University"), False),
    # a course one taught is no course one took
    ("I have taught widget composition and an introductory course at Quillton University, and I co-organised a "
     "workshop at Widgetford University in 2023.", ("studiedAt", "Widgetford University"), False),
])
def test_where_one_taught_and_where_one_did_something_else(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, kind, label, present", [
    # a union's general assembly is a meeting
    ("More recently, I contributed a poster on carbon ratios along fallow gradients to the QGU General Assembly "
     "in Vienna (2024).", "venue", "QGU General Assembly", True),
    ("More recently, I contributed a poster on carbon ratios along fallow gradients to the QGU General Assembly "
     "in Vienna (2024).", "organization", "QGU General Assembly", False),
    # … though its union is listed, the acronym names the meeting there
    ("I contributed a poster on widget ratios to the AGU General Assembly in Vienna (2024).", "organization",
     "AGU General Assembly", False),
    # the words after a listed journal's name go on its title, after a quoted title too
    ('A revised version was published as "Soil carbon recovery under fallow in widget systems" in Geoderma '
     "Widgetica (2022).", "venue", "Geoderma Widgetica", True),
    ('A revised version was published as "Soil carbon recovery under fallow in widget systems" in Geoderma '
     "Widgetica (2022).", "person", "Widgetica", False),
    # two names that end in one head word are two organisations
    ("Participants were recruited at Quillton Presbyterian Hospital and Widgetford Teaching Hospital.",
     "organization", "Widgetford Teaching Hospital", True),
    ("Before that I interned at the Quill Specialist Hospital and Research Centre.",
     "organization", "Quill Specialist Hospital and Research Centre", True),
    # a listed company and an acronym after it name its subsidiary
    ("After my degree I was offered a position at Siemens QDX; I declined it to continue my research.",
     "organization", "Siemens QDX", True),
    # a post held with a body, its name written with a small letter first
    ("In January 2024 I was offered a full-time position as a data analyst with **mQuillo** in Accra, which I "
     "declined.", "organization", "mQuillo", True),
    # the end of a university's name, used alone, is the university called short, not a person
    ("I studied at the Universidad Nacional Agraria La Quillona (UNAQ) in Lima, where I graduated first in my "
     "cohort in 2020. La Quillona trains most of the country's agronomists.", "person", "La Quillona", False),
    ("I studied physics at the Universidad de Monte Widgeto. Life in Monte Widgeto taught me patience.",
     "person", "Monte Widgeto", False),
    # … but a body may be named after the person the text speaks of
    ("I worked at the Centro Nacional de Documentación Musical Ada Quillero, digitising the recordings that Ada "
     "Quillero made in the 1940s.", "person", "Ada Quillero", True),
])
def test_round_twenty_four_names(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


@pytest.mark.parametrize("passage, present", [
    ("I have also followed the research of Marta Quillson on residents' transformations of mass housing, and I "
     "would very much hope to work with her as a second advisor.", True),
    # no wish
    ("I have also followed the research of Marta Quillson on mass housing, but I never worked with her.", False),
    # "her" is someone named after her
    ("I have also followed the research of Marta Quillson on mass housing, which Dr. Ada Renn extended, and I "
     "would hope to work with her.", False),
])
def test_a_wish_to_work_with_her_names_the_one_before(extractor, passage, present):
    assert (("prospectiveAdvisor", "Marta Quillson") in _relations(_with_body(extractor, passage))) is present


def test_an_apostrophe_after_a_letter_opens_no_quoted_title(extractor):
    ext = _with_body(extractor, "I would be thrilled to join the group of Prof. Ada Renn, whose work on the debates "
                                "within CIAM (the Congrès Internationaux d'Architecture Moderne), has shaped how I frame "
                                "my own questions. I have also followed the research of Bea Widgeton on residents' "
                                "transformations of mass housing.")
    assert not _papers(ext)


@pytest.mark.parametrize("passage, relation, present", [
    ("I received my B.Sc. and M.Sc. in chemistry from the Central Department of Widgetry at Quillton University.",
     ("studiedAt", "Quillton University"), True),
    # a unit named before the university it belongs to, after "at" as after a comma, is no second place of study
    ("I received my B.Sc. and M.Sc. in chemistry from the Central Department of Widgetry at Quillton University.",
     ("studiedAt", "Central Department of Widgetry"), False),
])
def test_a_degree_from_a_unit_at_a_university(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


def test_a_unit_in_brackets_after_its_university_is_no_translation(extractor):
    ext = _with_body(extractor, "My goal is the clinical M.S. in Widget Pathology at Quillton University (Department of "
                                "Speech and Widget Sciences), and then a return home to build services.")
    assert {"Quillton University", "Department of Speech and Widget Sciences"} <= _labels(ext, "organization")


def test_an_academy_named_after_its_centre_is_an_organisation_but_not_the_workplace(extractor):
    ext = _with_body(extractor, "I currently serve as a junior research fellow at the Quill Literature Centre of the "
                                "Widgetian Academy of Sciences in Tallinn.")
    assert {"Quill Literature Centre", "Widgetian Academy of Sciences"} <= _labels(ext, "organization")
    relations = _relations(ext)
    assert ("workedAt", "Quill Literature Centre") in relations
    assert ("workedAt", "Widgetian Academy of Sciences") not in relations


@pytest.mark.parametrize("text, unit, written", [
    ("Since 2023 I have been a researcher at the Institute of Widget Chemistry of the Polish Academy of Sciences "
     "in Warsaw.", "Institute of Widget Chemistry", "Institute of Widget Chemistry of the Polish Academy of Sciences"),
    ("I spent a year at the Institute of Quill Research of the Academy of Sciences of the Republic of Widgetia.",
     "Institute of Quill Research", "Institute of Quill Research of the Academy of Sciences of the Republic of Widgetia"),
    # a university's faculty is its part, named by the university
    ("I studied at the Faculty of Widgetry of the University of Quillton.", "University of Quillton", None),
])
def test_an_academy_institute_is_also_known_by_its_whole_written_name(extractor, text, unit, written):
    ext = _with_body(extractor, text)
    found = next(m for m in ext.mentions if m.kind == "organization" and m.label == unit)
    assert (written in found.aliases) if written else not any(" of the " in a for a in found.aliases)


def test_an_offer_declined_to_join_another_body(extractor):
    relations = _relations(_with_body(extractor, "In 2021 I was offered a position at the Quill Office for Widget "
                                                 "Rights (QOWR) in Warsaw but declined it to join the Office of the "
                                                 "Widget Defender, where I now monitor judgments."))
    assert ("workedAt", "Office of the Widget Defender") in relations
    assert ("workedAt", "Quill Office for Widget Rights") not in relations


def test_a_presentation_listed_under_a_heading_of_ones_work(extractor):
    ext = _with_body(extractor, "\n\n## 4. Presentations and publications\n\n- \"Donor Portraits and Royal Ideology in "
                     "the Wall Widgets of Quillpari\", paper presented at the **24th International Congress of Widget "
                     "Studies**, Venice and Padua, August 2022.\n\nThe Congress was the first time I heard it.")
    assert "Donor Portraits and Royal Ideology in the Wall Widgets of Quillpari" in _papers(ext)
    assert "International Congress of Widget Studies" in _labels(ext, "venue")


def test_a_quoted_title_told_with_its_journal_is_the_applicants_paper(extractor):
    ext = _with_body(extractor, "She let me help with the coding, and then put my name on the paper. It came out in "
                                "the *Quillfield Medical Journal* in 2019 as \"Foot care practices among adults with "
                                "widget disease attending clinics in Quillton\". It is not a famous paper.")
    assert "Foot care practices among adults with widget disease attending clinics in Quillton" in _papers(ext)


def test_the_quoted_title_of_a_bodys_programme_is_no_paper(extractor):
    ext = _with_body(extractor, "The Collaborative Research Centre SFB 1234 “Widget Density and Quill Encoding” is, to my "
                                "knowledge, the only place where these theories are studied together.")
    assert "Widget Density and Quill Encoding" not in _papers(ext)


def test_a_chapter_in_an_edited_book_appeared_in_the_book(extractor):
    text = ("Ada Quillberga\n\n" + BODY + "\n\nNotes\n\n1. Ada Quillberga, ‘The Preamble of the Widget Constitution as a "
            "Source of Identity’ in Bea Renn and Cy Quill (eds), Thirty Years of Widget Review (Springer 2023).\n")
    ext = _extract(extractor, text)
    labels = {m.index: m.label for m in ext.mentions}
    venues = {labels[f.object] for f in ext.facts if f.predicate == "publishedIn"}
    assert "Thirty Years of Widget Review" in venues and "Bea Renn and Cy Quill" not in venues


def test_a_country_before_a_year_in_brackets_is_no_cited_author(extractor):
    ext = _with_body(extractor, "\n\n## Education\n\n- **DVM**, School of Widget Medicine, University of Quillton, "
                                "Cameroon (2018). Thesis on the prevalence of widget wear at the abattoir.\n- **MSc in "
                                "Epidemiology**, Faculty of Widget Sciences, University of Quillton, Cameroon (2021). "
                                "Thesis on risk factors for widget wear, supervised by Prof. Ada Renn.\n")
    assert "Cameroon" not in _people(ext)


# -- round 36: a Lithuanian letter, a Montenegrin statement, an Armenian profile, a Mauritian résumé ---------

@pytest.mark.parametrize("passage, relation, present", [
    # a guidance phrase names the role, whatever ongoing verb the sentence goes on with
    ("Since 2020 I have been an analyst at the Widget Institute. Under the supervision of Dr. Ada Quill, who heads "
     "epidemiology at the institute, I maintain the national database of samples.", ("mentoredBy", "Ada Quill"), True),
    ("At the Widget Institute I would like to continue my collaboration with Dr. Ada Quill.",
     ("mentoredBy", "Ada Quill"), False),
    # a university's academy, and a degree one holds
    ("I graduated as a Doctor of Veterinary Medicine from the Veterinary Academy of the Quillandian University of "
     "Health Sciences (QUHS) in 2020.", ("studiedAt", "Quillandian University of Health Sciences"), True),
    ("I hold a BA in Quill Linguistics from the University of Belgrade.", ("studiedAt", "University of Belgrade"), True),
    ("I have a BA in Quill Linguistics from the University of Belgrade.", ("studiedAt", "University of Belgrade"), True),
    # an exchange semester spent at a university's institute is study, not a post
    ("In the winter semester I spent an Erasmus+ exchange at the Institut für Widgetistik of the University of "
     "Graz.", ("workedAt", "Institut für Widgetistik"), False),
    # the unit of a university named before, by "its"
    ("I received my MSc in Chemistry from Quill State University (QSU) and, in 2023, my PhD from its Doctoral "
     "School of Natural Sciences.", ("studiedAt", "Doctoral School of Natural Sciences"), False),
    # a graduate student's research centre is where one worked
    ("I completed an MSc at the Universidad de Costa Rica in 2024, working as a graduate student in the Centro de "
     "Investigación en Ciencias del Widget (CIWI) under the supervision of Dr. Ada Quesada.",
     ("workedAt", "Centro de Investigación en Ciencias del Widget"), True),
    # what the words after a body's name say is based somewhere is the body, not the post
    ("After graduating, I took a job as a research technician at the Roatán Institute for Widget Sciences (RIWS), "
     "the research and education centre based at Quill's Key Resort on Roatán.", ("workedAt", "Quill's Key Resort"), False),
    ("I moved to community nursing with the Quill Trust, based at the Widget Health Centre.",
     ("workedAt", "Widget Health Centre"), True),
    # a unit with its acronym "of the" ministry: the post is the unit's
    ("Since 2019 I have worked as an epidemiologist at the National Center for Widget Control (NCWC) of the "
     "Ministry of Health of the Republic of Quillandia.", ("workedAt", "Ministry of Health"), False),
])
def test_round36_relations(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, kind, label, present", [
    # a unit "of the" a body written head first: the body's whole name
    ("I spent two years as a research analyst in the Research Division of the Banco Central de Quillandia.",
     "organization", "Banco Central de Quillandia", True),
    ("I was a teaching assistant in the Economics Department of the Universidad de los Widgetes in Bogotá.",
     "organization", "Universidad de los Widgetes", True),
    # cobalt, not a company's "& Co"; a company's "and Co" is a legal form
    ("I would build a library of mixed-linker Zn and Co frameworks with hydrophobic substituents.",
     "organization", "Zn and", False),
    ("Before that I worked at Quill and Co in Leeds.", "organization", "Quill", True),
    # a listed acronym's body names its country; the text's name for the acronym does not
    ("Since 2019 she has worked as an epidemiologist at the National Center for Disease Control and Prevention "
     "(NCDC) of the Ministry of Health of Quillandia.", "organization", "National Center for Disease Control and Prevention", True),
    ("Since 2019 she has worked as an epidemiologist at the National Center for Disease Control and Prevention "
     "(NCDC) of the Ministry of Health of Quillandia.", "organization", "Nigeria Centre for Disease Control and Prevention", False),
    # venues: cited authors "in" a journal and a year; three authors inside a citation; presented at a meeting
    ("The model described by Ostrowski and Keller in Preventive Widget Medicine (2019) reproduces the spread well.",
     "venue", "Preventive Widget Medicine", True),
    ("My first paper, \"Widget patterns in boar\" (Roe, Quillo and Tamm, Widgetarija ir Zootechnika, 2022), described "
     "the epidemic.", "venue", "Widgetarija ir Zootechnika", True),
    ("I presented this work at Widget Prosody 2024 in Leiden (Roe & Quill 2024), which was my first visit.",
     "venue", "Widget Prosody", True),
    ("I presented this work at Widget Prosody 2024 in Leiden (Roe & Quill 2024), which was my first visit.",
     "venue", "Leiden", False),
    ("Our manuscript, \"Recovery of widgets on Honduran reefs\", is now under review at Tropical Reefs. Reading the "
     "earlier study helped me.", "venue", "Tropical Reefs", True),
    # people: a country, a town before its country or closing an organisation's résumé line, a language
    ("\n\nEXPERIENCE\n- 2019–2022: Software Engineer, Accenture Mauritius, Ebène.\n", "person", "Mauritius", False),
    ("\n\nEDUCATION\n- 2010–2016: Piano and music theory, Conservatoire de Musique Ada Quill, Quatre Widgets.\n",
     "person", "Quatre Widgets", False),
    ("\n\nSKILLS\n- Languages: Kreol Widgetien and English (fluent).\n", "person", "Kreol Widgetien", False),
    # the namesake a university is named "after"; a name joined to a prefix by a hyphen
    ("I graduated in General Medicine from Yerevan State Medical University after Ada Quillian (YSMU) in 2016.",
     "person", "Ada Quillian", False),
    ("I worked under Dr. Ada Quill, head of the Department of Non-communicable Widget Epidemiology, for a year.",
     "organization", "Department of Non-communicable Widget Epidemiology", True),
    # a cited surname in another script opens the citation
    ("My first paper, \"Widget patterns in boar\" (Žukaitė, Quillo and Tamm, Widgetarija ir Zootechnika, 2022), "
     "described the epidemic.", "venue", "Widgetarija ir Zootechnika", True),
])
def test_round36_mentions(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


def test_a_label_naming_the_applicant_outranks_a_heading(extractor):
    text = ("PERSONAL STATEMENT (THIRD-PERSON PROFILE)\n\nApplicant: Dr. Ada Quillian\nProgramme applied for: MSc "
            "Epidemiology, Widget School of Hygiene\n\n" + BODY)
    assert _extract(extractor, text).applicant.name == "Ada Quillian"


def test_the_lines_under_a_to_line_address_the_target(extractor):
    text = ("Ada Quillaite\nada@widget.lt\n\nTo: Admissions Committee, PhD in Widget Epidemiology\nDepartment of "
            "Widget Sciences and Public Health\nSwedish University of Agricultural Sciences (SLU)\nBox 7028, Uppsala\n\n"
            "Dear Professor Quill,\n\nI am writing to apply for the doctoral position in widget epidemiology announced "
            "by your department. I completed my DVM at the University of Tartu in 2020.")
    assert {o for p, o in _relations(_extract(extractor, text)) if p == "appliesTo"} == {"Swedish University of Agricultural Sciences"}


def test_a_research_master_is_a_programme(extractor):
    ext = _with_body(extractor, "I am also applying to the Research Master in Widget Linguistics at Leiden University.")
    assert "Research Master in Widget Linguistics" in _labels(ext, "program")


def test_a_dated_line_under_an_education_heading_is_study(extractor):
    ext = _with_body(extractor, "\n\nEDUCATION\n- 2015–2019: BSc Computer Science, University of Mauritius.\n"
                                "- 2010–2016: Piano and music theory, Conservatoire de Musique Ada Quill, Widgetville.\n\n"
                                "EXPERIENCE\n- 2022–present: Research Assistant, University of Mauritius.\n"
                                "  Project \"Archiving Widgets\", funded by the Widget Research Council (WRC); PI: Dr. Renn.\n")
    relations = _relations(ext)
    assert ("studiedAt", "Conservatoire de Musique Ada Quill") in relations
    assert ("workedAt", "Widget Research Council") not in relations


def test_a_listed_acronym_of_another_meeting_is_not_the_listed_one(extractor):
    ext = _with_body(extractor, "\n\nPUBLICATIONS\n- J. Roe, A. Quill. \"Onset detection for widget drums.\" Proceedings "
                                "of the 20th Sound and Music Computing Conference (SMC 2023), Stockholm, 2023.\n")
    venues = _labels(ext, "venue")
    assert "Sound and Music Computing Conference" in venues and "SMC" not in venues


# -- round 37: an Albanian letter, a Kyrgyz statement, a Malian research statement, a Namibian profile,
# -- a Nicaraguan résumé, a Maltese historian --------------------------------------------------------

@pytest.mark.parametrize("passage, relation, present", [
    # a unit with its acronym "of the" a body with its own: the post is the unit's
    ("I worked for two years as a research pharmacist in the Département de Médecine Widget (DMW) of the Institut "
     "National de Santé Publique (INSP), where I prepared standardised extracts.",
     ("workedAt", "Institut National de Santé Publique"), False),
    # the trade one trained for is no post; the clause after the bracket says what was done there
    ("I was trained as a historian at the University of Malta (L-Università ta' Widget), where I took a BA in "
     "History.", ("studiedAt", "University of Malta"), True),
    ("I was trained as a historian at the University of Malta (L-Università ta' Widget), where I took a BA in "
     "History.", ("workedAt", "University of Malta"), False),
    # a supervisor agreed for what is applied for
    ("Dr. Ana Quillé i Roig has agreed to act as my supervisor.", ("prospectiveAdvisor", "Ana Quillé i Roig"), True),
    ("Prof. Ada Quillborne has kindly agreed to host me.", ("prospectiveAdvisor", "Ada Quillborne"), True),
    ("In 2019 Prof. Ada Quillborne agreed to supervise my master's thesis.",
     ("prospectiveAdvisor", "Ada Quillborne"), False),
    # a role label after a full stop, and a role word with a title after a semicolon
    ("\n\n## Education\n\n- Arquitecto, Universidad Nacional de Widgets, Managua — 2015–2020.\n  - Thesis: a plan "
     "for a lakeshore neighbourhood. Adviser: Arq. Rosa Quillüello.\n", ("mentoredBy", "Rosa Quillüello"), True),
    ("\n\n## Experience\n\n- Widget Municipality, planning analyst, 2020–2023.\n  - Drafted flood zoning; supervisor "
     "Ing. Fernando Quillayo.\n", ("mentoredBy", "Fernando Quillayo"), True),
    # the French "Pr" is a title
    ("My PhD was carried out at the Widget Research Centre under the supervision of Pr Mahamadou Quillaré.",
     ("mentoredBy", "Mahamadou Quillaré"), True),
])
def test_round37_relations(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, kind, label, present", [
    # a name in its own language before the acronym, in brackets after the English one
    ("I hold an MSc from the Polytechnic University of Tirana (Universiteti Politeknik i Widgetës, UPW).",
     "person", "Universiteti Politeknik i Widgetës", False),
    # an acronym before "University"; a town hall named head first
    ("- **Alcaldía de Quillagua (ALQ)** — planning analyst, 2020–2023.", "organization", "Alcaldía de Quillagua", True),
    # a listed acronym the text defines as another meeting
    ("I gave a paper on ransom intermediaries at the International Medieval Congress (IMC) in Leeds in July 2023.",
     "venue", "Internet Measurement Conference", False),
    # an archive named before "Archives of", no journal
    ("I wrote catalogue entries for documents lent by the Cathedral Archives of Quillina.",
     "organization", "Cathedral Archives of Quillina", True),
    ("I wrote catalogue entries for documents lent by the Cathedral Archives of Quillina.",
     "venue", "Cathedral Archives of Quillina", False),
    # two universities, each with its acronym, one named inside the other
    ("I completed a B.A. at the American University of Quill Asia (AUQA) in 2019. Then I worked at the Widget "
     "Institute (WI) of the University of Quill Asia (UQA).", "organization", "University of Quill Asia", True),
    # people that are not: an award named after someone, storms, a city
    ("The project I propose for a Marie Quillowska-Curie Postdoctoral Fellowship grows out of that surprise.",
     "person", "Marie Quillowska-Curie", False),
    ("- Volunteer, flood brigades after Hurricanes Widgeta and Quillota (2020).", "person", "Quillota", False),
    ("- Incremental housing pilots in Ciudad Quillino and Tipitapa.", "person", "Ciudad Quillino", False),
])
def test_round37_mentions(extractor, passage, kind, label, present):
    assert (label in _labels(_with_body(extractor, passage), kind)) is present


def test_a_third_person_statement_names_its_author_by_title_and_surname(extractor):
    text = ("APPLICANT PROFILE\nPhD in Nursing - Widget School of Nursing, Quill University\nPrepared on behalf of the "
            "applicant, Ndapewa Quillongo\n\nNdapewa Quillongo is a registered nurse. She holds a Bachelor of Nursing "
            "Science from the University of Namibia (UNAM), completed in 2013 at the School of Nursing on the Oshakati "
            "campus, and a Master of Nursing from the University of the Western Cape (UWC) in Cape Town, awarded cum "
            "laude in 2019. " + BODY + " Ms Quillongo's central interest is the midwifery workforce.")
    ext = _extract(extractor, text)
    assert "Quillongo" not in _people(ext)
    assert "PhD in Nursing" in _labels(ext, "program")
    # a school after the university the sentence named is that university's part, not the target's school
    assert not {o for p, o in _relations(ext) if p == "studiedAt"} & {"School of Nursing", "Widget School of Nursing"}


def test_an_acronym_before_university_on_an_address_line_is_the_target(extractor):
    text = ("Ada Roe, MSc\nada.roe@upt.al\n\nUniv.-Prof. Dr. Ada Quill\nInstitute of Widget Hydrology (WH)\nQBKU "
            "University (University of Widget Resources, Vienna)\nMuthgasse 18, 1190 Vienna, Austria\n\nDear Professor "
            "Quill,\n\nI am writing to apply for the doctoral position in hydrology advertised by your institute. I "
            "studied at the University of Tirana.")
    assert {o for p, o in _relations(_extract(extractor, text)) if p == "appliesTo"} == {"QBKU University"}


@pytest.mark.parametrize("passage, programme", [
    # two degrees joined by a slash are one programme
    ("I am applying to the MPhil/PhD in Widget Archaeology at Quill University.", "MPhil/PhD in Widget Archaeology"),
    # a field with a hyphenated word goes on after it
    ("I am applying to the MSc in Geo-information Science and Earth Observation at Quill University.",
     "MSc in Geo-information Science and Earth Observation"),
    # the field of a Doctor of Philosophy in brackets
    ("I am applying for the Doctor of Philosophy (Speech Pathology) at Quill University.",
     "Doctor of Philosophy (Speech Pathology)"),
])
def test_programmes_read_whole(extractor, passage, programme):
    relations = _relations(_with_body(extractor, passage))
    assert {o for p, o in relations if p == "appliesToProgram"} == {programme}


def test_a_journal_between_a_quoted_title_and_its_year_is_no_person(extractor):
    ext = _with_body(extractor, 'My Master\'s data became my first article, written with Dr. Ada Quillahir: "Seroprevalence '
                                'of widget antibodies in dromedary camels", Acta Widgetica, 2022.')
    assert "Acta Widgetica" in _labels(ext, "venue")
    assert "Acta Widgetica" not in {m.label for m in ext.mentions if m.kind == "person"}


def test_the_name_an_applicant_publishes_under_is_theirs(extractor):
    text = ("SEIULI FETU MATAGI QUILLONO\nName: Seiuli is a chiefly title; I publish as Fetu M. Quillono.\n\n"
            + BODY + "\n\nPUBLICATIONS\n"
            "  Quillono, Fetu M. 2021. \"Early reading practices in rural widget classrooms.\" Journal of Widget "
            "Studies 11: 45-62.\n")
    ext = _extract(extractor, text)
    assert _papers(ext) == {"Early reading practices in rural widget classrooms"}
    assert "Fetu M. Quillono" not in _people(ext)


def test_a_text_defined_acronym_outweighs_a_listed_body_of_that_acronym(extractor):
    ext = _with_body(extractor, "I hold an MEd from The University of the South Pacific (USP), Laucala Campus, Suva, "
                                "and I tutored at USP in 2017.")
    orgs = _labels(ext, "organization")
    assert "University of the South Pacific" in orgs and "Universidade de São Paulo" not in orgs
    assert "Laucala Campus" not in _people(ext)  # a campus is no person


def test_a_cited_paper_of_other_authors_is_not_claimed_by_the_citing_sentence(extractor):
    text = ("Jane Roe\n\n" + BODY + " I first encountered the field through Quillard and Renwick (2022), whose paper "
            "on widget continua changed how I saw my own results.\n\nReferences\n\n"
            "Quillard, Ada and Bo Renwick. 2022. Widget dialects as a continuum. Computational Widgets, 48(3):655–690.\n")
    assert not _papers(_extract(extractor, text))


def test_where_a_thesis_was_defended_is_no_venue(extractor):
    ext = _with_body(extractor, 'I defended my doctoral thesis, "Temps de widget et phénomène de cutoff pour des '
                                'marches", at the Laboratoire de Widgets et Quills (LWQ) in December 2023.')
    assert _papers(ext) == {"Temps de widget et phénomène de cutoff pour des marches"}
    assert not {m.label for m in ext.mentions if m.kind == "venue" and "Laboratoire" in m.label}
