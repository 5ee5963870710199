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
    # legal forms written before a name are no part of it, and alone name nothing
    ("In 2020 I interned at PT Widgetama Indonesia as a data analyst.", "Widgetama Indonesia", "PT Widgetama Indonesia"),
    ("I joined QWG Engineering LLP, the research centre of the national oil company JSC NC QuillMunayGas, in 2015.",
     "QuillMunayGas", "JSC NC"),
    # a defined acronym, then the course taught there; a language's lab sessions are no company
    ("I am a computer science graduate from the Universidad del Valle de Gadgetia (UVG).\n\n- 2021-2022: teaching "
     "assistant at UVG for Data Structures and for Intro to NLP, three semesters.", "Universidad del Valle de Gadgetia",
     "UVG for Data Structures"),
    ("From 2021 to 2022 I was a teaching assistant, mostly grading and running the Python labs.", "Google Research",
     "Python labs"),
    # a public service's name goes on with "of" like an institute's
    ("From 2020 to 2022 I was a contract archaeologist with the Ephorate of Antiquities of Widgetia.",
     "Ephorate of Antiquities of Widgetia", "Ephorate"),
    # a parent named only by its kind is no part of the name
    ("By my third year I spent my evenings in the Widget Flow Physics Laboratory of the Department, "
     "first as a volunteer.", "Widget Flow Physics Laboratory", "Widget Flow Physics Laboratory of the Department"),
    # a listed name of generic words only ("Polytechnic University") ends a longer name
    ("She completed a Bachelor of Science in Nursing at Quill Maris Polytechnic University in 2016.",
     "Quill Maris Polytechnic University", "Polytechnic University"),
    # a namesake's name with a particle opens the name; initials too
    ("I studied history at the Ada de Quill Universiteit van Widgetland (AQUW) from 2010 to 2014.",
     "Ada de Quill Universiteit van Widgetland", "Quill Universiteit van Widgetland"),
    ("My project would be hosted by the C.T. de Quill Graduate School for Widget Ecology.",
     "C.T. de Quill Graduate School for Widget Ecology", "Quill Graduate School for Widget Ecology"),
    # Dutch names written head first; the city after the name is no organisation of its own
    ("From 2014 to 2017 I taught at the Instituut voor de Opleiding van Widgetmakers (IOW) in Nairobi, the national "
     "teacher-training institute.", "Instituut voor de Opleiding van Widgetmakers", "Nairobi"),
    ("I took my bachelor's degree in the Faculteit der Widgetwetenschappen in 2014.",
     "Faculteit der Widgetwetenschappen", "Faculteit"),
    # the quoted name of the person an institute honours closes its name
    ('Since 2022 I have been a research assistant at the Institute for Widget Language "Ada Quillova".',
     'Institute for Widget Language "Ada Quillova"', "Institute for Widget Language"),
])
def test_organisation_names(extractor, passage, label, absent):
    from tests.test_pipeline_stages import _with_body

    labels = {m.label for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert label in labels and absent not in labels


def test_an_acronym_in_another_language_after_a_name_the_model_reads_as_an_organisation(extractor):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, "Since 2018 I have worked as an officer with Widget Aid International (WAIQ) in Gulu.")
    orgs = {m.label: m.aliases for m in ext.mentions if m.kind == "organization"}
    assert orgs["Widget Aid International"] == ("WAIQ",) and "WAIQ" not in orgs


_CV = ("# Statement of Purpose\n\n**PhD in Widget Economics — Quillfield University**\n\n"
       "I am applying to the PhD in Widget Economics at Quillfield University. " + _PROSE + "\n\n"
       "## Education\n\n"
       "- **MSc in Widget Economics**, Widget University of Quills and Inks (Widget UQI), Harrowgate, 2021–2023\n"
       "- **M.A. in Ink Studies**, Obilade University, Ruritania, 2020\n\n"
       "## Experience\n\n"
       "- **Research Assistant, Pricing Department, Bank of Ruritania** (2023–present)\n"
       "  - Working under the supervision of **Dr. Ada Quillborne** on the pricing of widgets across the regional markets\n"
       "  - Cleaning and linking the bank's confidential widget transaction records for the research team\n"
       "- **Trainee, Quill Central Bank (QCB)**, Harrowgate (March–August 2023)\n"
       "  - Supervised by **Dr. Bo Renwick**, who showed me how questions are born in policy meetings\n"
       "- **Teaching Assistant**, Ink Econometrics I, Widget UQI (2022–2023)\n")


def test_a_markdown_resume_reads_item_by_item(extractor):
    """Each bulleted item is a sentence of its own, however long its line: the supervisor of a sub-item is a
    mentor, not someone whose work the applicant admires in the item above."""
    relations = _relations(_extract(extractor, _CV, "cv.md"))
    assert {("mentoredBy", "Ada Quillborne"), ("mentoredBy", "Bo Renwick"),
            ("studiedAt", "Widget University of Quills and Inks"), ("studiedAt", "Obilade University"),
            ("workedAt", "Quill Central Bank")} <= relations
    assert not {r for r in relations if r[0] == "prospectiveAdvisor"}


def test_a_degree_line_with_its_date_last_is_a_degree_held(extractor):
    text = "Jane Roe\n\n" + _PROSE * 2 + "\n\n- M.A. in Ink Studies, Obilade University, Ruritania, 2020\n\n" + _PROSE
    assert ("studiedAt", "Obilade University") in _relations(_extract(extractor, text, "cv.md"))


def test_a_defined_name_joined_by_an_en_dash_keeps_its_first_part(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "\n\nSince 2022 I have been a research engineer at the "
            "Quill–Widget Institute of Science and Technology (QWIST), Harrowgate. "
            "At QWIST I run field trials of widgets every season.")
    relations = _relations(_extract(extractor, text))
    assert ("workedAt", "Quill–Widget Institute of Science and Technology") in relations
    assert not {r for r in relations if r[1] == "Widget Institute of Science and Technology"}


def test_a_heading_of_research_interests_is_no_workplace(extractor):
    text = ("Jane Roe\n\nI am applying to the Quill Widget Program (QWP) at Quillfield University. " + _PROSE +
            "\n\nResearch interests and fit with QWP\n\n" + _PROSE)
    relations = _relations(_extract(extractor, text))
    assert ("appliesTo", "Quillfield University") in relations
    assert not {r for r in relations if r[0] == "workedAt"}


def test_a_unit_named_after_the_target_universitys_place_is_part_of_it(extractor):
    text = ("Jane Roe\nStatement of Purpose – PhD in Widgetry\n"
            "University of Tartu, Tartu Institute of Quills and Inks (TIQI)\n\n" + _PROSE +
            "Tartu is a natural home for this work because TIQI brings quill making, ink chemistry and widget "
            "sciences together in one institute, which matches my own path between the workshop and the lab. "
            "At TIQI I hope to join the ink chemistry group.\n")
    relations = _relations(_extract(extractor, text))
    assert ("appliesTo", "University of Tartu") in relations
    assert ("appliesTo", "Tartu Institute of Quills and Inks") not in relations


def test_a_later_use_of_a_defined_short_name_is_the_organisation(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "My thesis drew on the archive of the Widget School of Quills and Inks "
            "(Widget SQI).\n\nExperience\n\n- **Teaching Assistant**, Ink Econometrics I, Widget SQI (2022–2023)\n")
    assert ("workedAt", "Widget School of Quills and Inks") in _relations(_extract(extractor, text, "cv.md"))


_STUDIED = "I completed my B.Sc. in Widget Science at Quillfield University in 2019. "


@pytest.mark.parametrize("passage, relation", [
    # a post taken on by going back, also where the applicant studied
    (_STUDIED + "After the MSc I returned to Quillfield University as a junior researcher.",
     ("workedAt", "Quillfield University")),
    (_STUDIED + "In 2021 I was appointed assistant lecturer at Quillfield University, where I teach widgetry.",
     ("workedAt", "Quillfield University")),
    # the work of a degree is study
    ("My doctoral work at Harrowgate University, supervised by Prof. Ada Quill, used widget scans.",
     ("studiedAt", "Harrowgate University")),
    ("I completed my Doctor of Veterinary Medicine (DVM) at Harrowgate University in 2018.",
     ("studiedAt", "Harrowgate University")),
    # a postdoc's stay is a post
    (_STUDIED + "During my postdoctoral fellowship at Quillfield University, hosted by Dr. Ada Quill, I built a widget atlas.",
     ("workedAt", "Quillfield University")),
    ("In 2022 I served as a consultant to the Ruritania Widget Centre during the national survey.",
     ("workedAt", "Ruritania Widget Centre")),
    ("For two years I worked as a district inspector with the Quillton Regional Widget Department, where I audited plants.",
     ("workedAt", "Quillton Regional Widget Department")),
    ("As a research scientist at the Natural Widget Institute Norway (Quill), I led a mapping team.",
     ("workedAt", "Natural Widget Institute Norway")),
    # a unit at a university and the university's city, then what the applicant did there
    ("A scholarship then took me to the Quill Institute of Widget Research at Widget Schiller University Quillstadt, "
     "where I completed my doctorate in 2019.", ("studiedAt", "Quill Institute of Widget Research")),
    ("A scholarship then took me to the Quill Institute of Widget Research at Widget Schiller University Quillstadt, "
     "where I completed my doctorate in 2019.", ("studiedAt", "Widget Schiller University Quillstadt")),
    # the proper name one joined is an employer, the model knowing it or not
    ("After my BSc I joined Widgetplats at its Quill operations in 2015, first as a graduate trainee.",
     ("workedAt", "Widgetplats")),
    ("Alongside the PhD I spent eighteen months as a part-time consultant with Kopje Widget (Pty) Ltd, a small firm, "
     "where I carried out stability reviews.", ("workedAt", "Kopje Widget")),
    # joined or moved somewhere for a degree: study, whatever "join" says of posts
    ("I then joined the Institute of Widget Studies (IWS) at Quillfield University of Technology for an M.Sc. in "
     "Widgetry, which I completed in 2021.", ("studiedAt", "Institute of Widget Studies")),
    ("I then joined the Institute of Widget Studies (IWS) at Quillfield University of Technology for an M.Sc. in "
     "Widgetry, which I completed in 2021.", ("studiedAt", "Quillfield University of Technology")),
    ("After two years as an inspector with the Ruritania Widget Council, I moved to Harrowgate University for my PhD.",
     ("studiedAt", "Harrowgate University")),
    ("For my doctorate I moved to the Quillian Advanced Institute of Science & Technology (QAIST) and joined a "
     "widget group there.", ("studiedAt", "Quillian Advanced Institute of Science & Technology")),
    # the department the degree was taken in, then its university
    ("I completed my MA at the Department of Widget Sciences and Disorders at Harrowgate University.",
     ("studiedAt", "Harrowgate University")),
    # a hospital named as the body a unit belongs to
    ("I completed my internship year in the pharmacy department of Quillton Central Hospital, where I first saw "
     "patients.", ("workedAt", "Quillton Central Hospital")),
    # a degree with its class in brackets; arriving at a university to study
    ("I completed a BA (Hons) in Psychology at Trinity College Quillton (TCQ) in 2019.",
     ("studiedAt", "Trinity College Quillton")),
    ("I arrived at Quillhousie University planning to study music performance and left with a BSc (Honours) in "
     "Psychology and a minor in Music.", ("studiedAt", "Quillhousie University")),
    # sent to work somewhere by someone else, and a post held "with" a body
    ("In 2023 the office seconded me for six months to the Agence Urbaine de Quillblanca (AUQ), the public body "
     "that prepares the city's plans.", ("workedAt", "Agence Urbaine de Quillblanca")),
    ("In 2020 the ministry assigned me to the Quillton District Widget Office.",
     ("workedAt", "Quillton District Widget Office")),
    ("I worked as a consultant with the Quill Widget Agency for two years.", ("workedAt", "Quill Widget Agency")),
    # a degree from a school "of the" university it belongs to is the university's
    ("I graduated with a Bachelor of Widget Medicine (BWM) from the School of Widget Medicine of the University of "
     "Quillia (UNQ) in 2019.", ("studiedAt", "University of Quillia")),
    # worked for a body whose name ends in no word for an organisation
    ("Between 2016 and 2019 I worked as a guide for Ala-Quill Heritage Tours, taking visitors along the widget sites.",
     ("workedAt", "Ala-Quill Heritage Tours")),
    # "Support" in a programme's name is no funding
    ("After graduating I joined the Quill Policy Institute as a research assistant in the Widget Strategy Support "
     "Program (WSSP), which the institute runs with two partners.", ("workedAt", "Widget Strategy Support Program")),
    # qualifying for a profession at a school is studying there
    ("I qualified as a registered midwife at the National School of Widgetry in 2009.",
     ("studiedAt", "National School of Widgetry")),
])
def test_posts_and_degrees(extractor, passage, relation):
    assert relation in _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + passage + "\n\n" + _PROSE))


@pytest.mark.parametrize("passage, relation", [
    # drawn to a group at a place: the wish is about P, the place is not a workplace
    ("I am also drawn to the group of Prof. Ada Quill at the Harrowgate School of Widget Studies, whose models "
     "could inform policy.", ("workedAt", "Harrowgate School of Widget Studies")),
    # a plan beyond the programme and a funder named in it are not targets
    ("Longer term, I intend to build a small widget unit at Obilade University.", ("appliesTo", "Obilade University")),
    ("I plan to apply for a Widget Discovery Grant and to build joint proposals through the Ruritanian Widget Council, "
     "where I have a track record of successful applications.", ("appliesTo", "Ruritanian Widget Council")),
    # the body one's employer belongs to, and the post one was offered and declined
    ("After my M.Sc., I worked as a research associate at the Centre for Widget Services (CWS), a public trust under "
     "the Ministry of Quills.", ("workedAt", "Ministry of Quills")),
    ("JOB OFFER DECLINED\n- 2023: Offered a post as activity manager with Quillbury Sans Frontières (QSF) in Quillton. "
     "Declined to finish my trial.", ("workedAt", "Quillbury Sans Frontières")),
    # sent to a meeting is no post there
    ("My supervisor sent me to the Quill Widget Conference in Lisbon.", ("workedAt", "Quill Widget Conference")),
    # a teaching assistant for a course, an enumerator for a survey
    ("In my final year I served as a teaching assistant for QBG 301 (Widget Laboratory), supervising sections.",
     ("workedAt", "QBG")),
    # a doctoral project still to do is no place of study yet
    ("I would be grateful for the opportunity to pursue my doctoral research at Obilade University.",
     ("studiedAt", "Obilade University")),
    # a degree from a school "of the" university it belongs to is the university's
    ("I graduated with a Bachelor of Widget Medicine (BWM) from the School of Widget Medicine of the University of "
     "Quillia (UNQ) in 2019.", ("studiedAt", "School of Widget Medicine")),
    # what a fellowship application is sent to funds it
    ("Both have agreed to host me if my fellowship application to the Widget Science Foundation (WSF) succeeds.",
     ("appliesTo", "Widget Science Foundation")),
    # a clause past a semicolon, which the parser makes the complement of the next one, keeps its own verb
    ("Our widget data were shared with the Quill Health Agency for its monitoring guidance; I did not work for the "
     "Quill Health Agency, and I declined a consultancy in 2022.", ("workedAt", "Quill Health Agency")),
    # an offer not taken up; a visit one would like to make
    ("I was offered a graduate position at the Widget Oil Company but did not take it.",
     ("workedAt", "Widget Oil Company")),
    ("If the project's field plans allow, I would be keen to visit the Widget Peat Centre at the University of "
     "Quillia, whose rewetted sites would make an instructive contrast.", ("appliesTo", "University of Quillia")),
    # a hope for "one day" is beyond the programme
    ("I am applying for the research assistant post at the Widget University. I also hope one day to spend time at "
     "the Bluefields Indian & Caribbean University (BICU) in Nicaragua, whose students would be natural partners for "
     "the corpus.", ("appliesTo", "Bluefields Indian & Caribbean University")),
    # a body named again by its kind alone is no second body
    ("In 2019 I became a volunteer researcher at the National Widget Council of Quillia. I help run orthography "
     "workshops for teachers. At the Council I was mentored by Miss Ada Quillflowers, its education officer, who has "
     "spent thirty years persuading schools.", ("workedAt", "Council")),
    # a body denied in so many words; a stay of months one would like to make
    ("Since 2021 I have been a programme officer at the Ministry of Widgets. The United Nations Population Fund (UNFPA) "
     "funds part of the programme, but I am a ministry employee, not UNFPA staff.",
     ("workedAt", "United Nations Population Fund")),
    ("I am applying to the DrPH at the Widget School. For the organisational placement I would like to spend three "
     "months at the Quill Country Office in Freetown, which supports the ministry's guidelines.",
     ("appliesTo", "Quill Country Office")),
    # a professional body one is a member of, on a résumé line
    ("I studied widget engineering.\n\nMEMBERSHIPS\n- International Association for Widget Engineering and Research "
     "(IAWER), student member 2020–2021\n- Widget Institution of Quill Engineering, associate member\n",
     ("workedAt", "International Association for Widget Engineering and Research")),
    # a heading of research still to do
    ("\n\nProposed research at the Quill Widget Institute\n\nThe new generation of widgets costs more than the old.",
     ("workedAt", "Quill Widget Institute")),
])
def test_no_relation(extractor, passage, relation):
    assert relation not in _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + passage + "\n\n" + _PROSE))


@pytest.mark.parametrize("line, employer", [
    ("- **Archival assistant, Fonoteca Widgetiana** (2021–2023). I digitised 600 discs.", "Fonoteca Widgetiana"),
    ("- Legal intern, Instance Widget de Protection (IWP), the national quill regulator (2019), where I drafted opinions;",
     "Instance Widget de Protection"),
    ("- Part-time legal counsel, Sahel Widget SARL, a Quillton-based start-up (2021–2023), where I wrote its policy;",
     "Sahel Widget"),  # its legal form an alternative label
    ("- 2022-present: Actuarial Analyst, Nomad Widget Assurance JSC, Quillton.", "Nomad Widget Assurance"),
    ("- Summer 2021: Intern, Life & Widget Pricing, Quill Re, Harrowgate.", "Quill Re"),
    # a note on the post in brackets, and the country office after the employer
    ("- 2021-2022: Consultant (part-time), Widgetbury International, Ruritania office.", "Widgetbury International"),
    # an employer whose name opens with an accented capital, then its town and county
    ("2022–present   Language Planning Officer, Údarás na Quilltachta, Na Widgbacha, Co. Quillway",
     "Údarás na Quilltachta"),
    ("2021–2022      Widget tutor (evenings), Quillchultúr Teo, Widgetown", "Quillchultúr Teo"),
    # a description in lower case before the employer
    ("2020–2022 – Contract archaeologist, rescue excavations in Quillbes, Ephorate of Widgets of Quillotia, under "
     "the direction of Dr. Ada Renn", "Ephorate of Widgets of Quillotia"),
])
def test_resume_lines_name_the_employer_after_the_post(extractor, line, employer):
    text = "Jane Roe\n\n" + _PROSE + "\n\nExperience\n\n" + line + "\n\n" + _PROSE
    assert ("workedAt", employer) in _relations(_extract(extractor, text))


def test_a_course_after_the_post_is_no_employer(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "\n\n- MSc in Widget Economics, Quillfield University, 2021–2023\n"
            "- Teaching Assistant, Widgetry I, Quillfield University (2022–2023)\n\n" + _PROSE)
    relations = _relations(_extract(extractor, text))
    assert ("workedAt", "Quillfield University") in relations
    assert not {r for r in relations if r[1] == "Widgetry I"}


def test_an_address_block_with_blank_lines_names_the_target_university(extractor):
    text = ("Cover letter\n\nDr. Jane Roe\n\nObilade University\n\nTo the Selection Committee\n\n"
            "Quillfield Institute for Law, Widgets, and Society (QILW)\n\nQuillfield University, Norway\n\n"
            "Dear Members of the Committee,\n\nI am writing to apply for the postdoctoral position at QILW. "
            + _PROSE * 2)
    relations = _relations(_extract(extractor, text))
    assert ("appliesTo", "Quillfield University") in relations
    assert not {r for r in relations if r[0] == "appliesTo" and r[1] != "Quillfield University"}


_THIRD = ("Personal Statement\nCandidate: Jane Roe\n\nJane Roe grew up in a port city. She read law at Obilade University "
          "and graduated with an LL.B. in 2018. ")


@pytest.mark.parametrize("passage, relation", [
    # someone else's verb of hiring, the applicant's post (told in the third person)
    ("After graduation Dr. Ada Quill hired her as a research assistant at the university's Centre for Widget Law "
     "Studies, where she worked on cargo liability.", ("workedAt", "Centre for Widget Law Studies")),
    # a lawyer's practice is work
    ("Since 2019 Ms. Roe has practised at Quillpenn Advocates, a shipping firm based in the port city.",
     ("workedAt", "Quillpenn Advocates")),
])
def test_posts_told_in_the_third_person(extractor, passage, relation):
    assert relation in _relations(_extract(extractor, _THIRD + passage + " She hopes to study widget law.\n"))


def test_a_school_that_advertises_a_post_is_no_place_of_study(extractor):
    text = ("Jane Roe\n\nI am writing to apply for the Postdoctoral Research Fellow position advertised by the School of "
            "Widget Engineering at Quillfield University. " + _PROSE)
    ext = _extract(extractor, text)
    assert ("studiedAt", "Quillfield University") not in _relations(ext)
    assert "Postdoctoral Research" not in {m.label for m in ext.mentions if m.kind == "organization"}


@pytest.mark.parametrize("line, relation", [
    ("- **B.Sc. in Widget Science**, Quillfield University (QU), 2019–2023, specialisation in quills; graduated with "
     "distinction.", ("studiedAt", "Quillfield University")),
    ("- **Exchange semester**, Obilade University, Norway (spring 2022), funded through a mobility programme.",
     ("studiedAt", "Obilade University")),
    ("- **Process engineering intern, Widgetzing AG** (Austria), summer 2022 — analysed spinning-line data for widget "
     "fibre and helped set up control charts.", ("workedAt", "Widgetzing")),
    # a month range before the stay; a name whose "do" the parser takes for a verb
    ("- **Feb–Jul 2016** — Exchange semester at the Faculdade de Engenharia da Universidade do Porto (FEUP), funded by "
     "a mobility grant.", ("studiedAt", "Faculdade de Engenharia da Universidade do Porto")),
])
def test_resume_lines_with_a_description_after_them(extractor, line, relation):
    text = "# Statement\n\nJane Roe\n\n" + _PROSE + "\n\n## Background\n\n" + line + "\n\n" + _PROSE
    assert relation in _relations(_extract(extractor, text, name="doc.md"))


@pytest.mark.parametrize("faculty", ["Faculdade de Engenharia", "Facoltà di Ingegneria", "Faculteit der Letteren",
                                     "Faculty of Engineering"])
def test_a_degree_from_a_faculty_is_the_university_named_after_it(extractor, faculty):
    line = f"- **2013–2017** — Licence in Widget Engineering, {faculty}, Universidade Obilade (UO), Quillton."
    relations = _relations(_extract(extractor, "# Statement\n\nJane Roe\n\n" + _PROSE + "\n\n## Background\n\n"
                                    + line + "\n\n" + _PROSE, name="doc.md"))
    assert ("studiedAt", "Universidade Obilade") in relations
    assert ("studiedAt", faculty) not in relations


_NOTE = ("JANE ROE\njane.roe@quill.org | +99 123 456\nQuillton, Ruritania\n\nSTATEMENT OF PURPOSE\n"
         "Master of Widgetry (MWid) in Gear Science\nHarrowgate University — Department of Gear Science\n\n"
         "EDUCATION\n2016–2020  BSc Applied Widgetry\n           Obilade University, Quillton. GPA 4.7/5.\n\n"
         "EXPERIENCE\n2019 (Jun–Aug)  Intern, Statistics Department\n"
         "                Central Bank of the Republic of Ruritania, Quillton\n"
         "                - cleaned loan-level data.\n\n"
         "2020–2022       Junior Actuary\n                Quillvest National Export-Import Insurance Company\n"
         "                - export credit pricing\n\n"
         "WHY HARROWGATE\n- I would like to work with Prof. Ada Quill on gear credibility.\n")


def test_a_note_with_two_line_resume_entries(extractor):
    relations = _relations(_extract(extractor, _NOTE))
    # the header without prose under it: the programme and its host, whose unit follows a dash
    assert ("appliesTo", "Harrowgate University") in relations
    assert any(p == "appliesToProgram" and "Gear Science" in o for p, o in relations)
    # the place of an entry is on the indented line under its dates and post (or degree)
    assert {("studiedAt", "Obilade University"), ("workedAt", "Central Bank of the Republic of Ruritania"),
            ("workedAt", "Quillvest National Export-Import Insurance Company")} <= relations
    assert ("appliesTo", "Obilade University") not in relations


@pytest.mark.parametrize("passage, label", [
    # a state named by its country
    ("In 2019 I interned at the Central Bank of the Republic of Widgetia in Quillton.",
     "Central Bank of the Republic of Widgetia"),
    # a university named after a person
    ("I studied at the Quillton State University named after Ada Widget from 2015 to 2019.",
     "Quillton State University named after Ada Widget"),
])
def test_organisation_names_with_more_to_them(extractor, passage, label):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, passage)
    assert label in {m.label for m in ext.mentions if m.kind == "organization"}


def test_the_abbreviation_of_the_target_in_the_header_is_not_the_applicant(extractor):
    text = "Statement of Purpose\nPhD in Widgetry, Quillton State University (Quill State)\nJane Roe\n\n" + _PROSE * 3
    assert _extract(extractor, text).applicant.name == "Jane Roe"


def test_a_resume_of_french_degrees_names_the_schools_and_institutes(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "\n\nEDUCATION\n"
            "- Master en Santé Publique (MPH), Institut de Santé Widget (ISW), Université Quill (UQ), Quillton, 2019.\n"
            "- Licence en Sciences Infirmières (BSc Nursing), Ecole Nationale de Widgetry (ENW), Quillton, 2014.\n\n"
            + _PROSE)
    found = _relations(_extract(extractor, text))
    # the institute of the university (its short name between them), the school, and the university the
    # text names: "UQ" defined as "Université Quill" is not the listed University of Queensland
    assert {("studiedAt", "Institut de Santé Widget"), ("studiedAt", "Ecole Nationale de Widgetry"),
            ("studiedAt", "Université Quill")} <= found
    assert ("studiedAt", "University of Queensland") not in found


@pytest.mark.parametrize("text, relation, expected", [
    # a scholarship applied for through a body: the body funds, it is not applied to
    ("I am applying to the MSc Widget Health at the Quillfield School of Hygiene & Widget Medicine (QSHWM). I have "
     "applied for a Quill Shared Scholarship through the Widget Scholarship Commission to fund my studies.",
     ("appliesTo", "Widget Scholarship Commission"), False),
    ("I am applying to the MSc Widget Health at the Quillfield School of Hygiene & Widget Medicine (QSHWM). I have "
     "applied for a Quill Shared Scholarship through the Widget Scholarship Commission to fund my studies.",
     ("appliesTo", "Quillfield School of Hygiene & Widget Medicine"), True),
    # a résumé line after its dates and a space, with an employer whose name opens with a digit
    ("I design housing. I am applying to the MSc in Urbanism at Quillfield University.\n\nEXPERIENCE\n"
     "- 2021-present  Junior architect, 3QX, Quilltown\n- 2019-2020  Junior architect, QUILLDV, Quilltown\n",
     ("workedAt", "3QX"), True),
    ("I design housing. I am applying to the MSc in Urbanism at Quillfield University.\n\nEXPERIENCE\n"
     "- 2021-present  Junior architect, 3QX, Quilltown\n- 2019-2020  Junior architect, QUILLDV, Quilltown\n",
     ("workedAt", "QUILLDV"), True),
    # the programme's name after its degree, without "in"
    ("PERSONAL STATEMENT\nMSc Widget Health, Quillfield School of Hygiene\n\nJane Roe\n\n" + _PROSE * 3,
     ("appliesToProgram", "MSc Widget Health"), True),
    ("PERSONAL STATEMENT\nMSc Widget Health, Quillfield School of Hygiene\n\nJane Roe\n\n" + _PROSE * 3,
     ("appliesToProgram", "MSc"), False),
    ("PERSONAL STATEMENT\nMSc Widget and Gear Processing, Quillfield University\n\nJane Roe\n\n" + _PROSE * 3,
     ("appliesToProgram", "MSc Widget and Gear Processing"), True),
    # ... after a dotted degree the tokenizer splits from its full stop
    ("PERSONAL STATEMENT\nTo: Admissions Committee, M.Sc. Widget Science and Technology\n\nJane Roe\n\n" + _PROSE * 3,
     ("appliesToProgram", "M.Sc. Widget Science and Technology"), True),
    # a fellowship named after whose it is
    ("PERSONAL STATEMENT\nPosition: Vice-Chancellor's Research Fellowship (Level B), Quillfield University\n\n"
     "Jane Roe\n\n" + _PROSE * 3, ("appliesToProgram", "Vice-Chancellor's Research Fellowship"), True),
    # a header line of offers declined names no programme applied to
    ("MOTIVATION LETTER\nJane Roe\n\nTARGET\n- Programme: MSc in Widget Observation\n- Institution: Quillfield "
     "University\n- Other offers: MSc Geology, Widget School of Mines (2024) -- declined, no funding\n\n" + _PROSE * 3,
     ("appliesToProgram", "MSc Geology"), False),
    # a degree from a centre that is no university, first on its résumé line
    ("I am applying to the PhD in Ecology at Quillfield University.\n\nEDUCATION\n- M.Sc. in Management of Tropical "
     "Widgets, Widget Centre for Tropical Research (WCTR), Quilltown, Ruritania, 2020–2022, funded by a scholarship.\n",
     ("studiedAt", "Widget Centre for Tropical Research"), True),
    ("I am applying to the PhD in Ecology at Quillfield University.\n\nEDUCATION\n- M.Sc. in Management of Tropical "
     "Widgets, Widget Centre for Tropical Research (WCTR), Quilltown, Ruritania, 2020–2022, funded by a scholarship.\n",
     ("workedAt", "Widget Centre for Tropical Research"), False),
])
def test_funders_resume_lines_and_programme_names(extractor, text, relation, expected):
    if not text.startswith("PERSONAL"):
        text = "Jane Roe\n\n" + _PROSE + text
    assert (relation in _relations(_extract(extractor, text))) is expected


@pytest.mark.parametrize("passage, label, absent", [
    # hyphen-joined words before a typed name are more of it
    ("In 2020 I joined the Quill-Liverpool-Widget Programme (QLW) in Quilltown as a research nurse.",
     "Quill-Liverpool-Widget Programme", "Widget Programme"),
    # a department named in full after a lab is where the lab is, not part of its name
    ("I worked as a research assistant in the Widget Testing Laboratory of the Department of Gear Engineering.",
     "Widget Testing Laboratory", "Widget Testing Laboratory of the Department of Gear Engineering"),
    # a name in Spanish whose acronym the text defines, not a listed body of the same letters
    ("After graduating I joined the Asociación para la Conservación de la Cuenca Widgetiana (ACCA), an NGO.",
     "Asociación para la Conservación de la Cuenca Widgetiana", "Association of Chartered Certified Accountants"),
    # "por el", an accented capital inside the name
    ("The results were used by the Servicio Nacional de Áreas Widgetales Protegidas por el Estado (SERNAWP).",
     "Servicio Nacional de Áreas Widgetales Protegidas por el Estado", "Servicio Nacional de Áreas Widgetales Protegidas"),
    ("I coordinated our hydrological data with the Autoridad Nacional del Widget (ANW).",
     "Autoridad Nacional del Widget", "ANW"),
    # an elided word's apostrophe, a patron's name, a long list of fields
    ("In spring 2019 I spent an exchange semester at the Università Ca' Quillari Venezia.",
     "Università Ca' Quillari Venezia", "Università Ca"),
    ("In 2021 I joined documentation campaigns of the George Quillashvili National Research Centre for Widget "
     "History and Heritage Preservation in the mountains.",
     "George Quillashvili National Research Centre for Widget History and Heritage Preservation",
     "Quillashvili National Research Centre for Widget History and Heritage Preservation"),
    ("The Department of History, Anthropology, Religions, Art History, Media and Performing Arts (HARAM) has the "
     "expertise I need.", "Department of History, Anthropology, Religions, Art History, Media and Performing Arts",
     "Department of History"),
    # a listed acronym closing a name that opens with its head word
    ("During my last year I worked as a research assistant at the Centro de Políticas Widgetales UC, where I coded data.",
     "Centro de Políticas Widgetales UC", "UC"),
    # a government named by its country
    ("From 2016 to 2019 I worked as an engineer with the Department of Widgets (DoW), Government of Nepal.",
     "Government of Nepal", "Government"),
])
def test_typed_and_unit_names_end_where_they_should(extractor, passage, label, absent):
    from tests.test_pipeline_stages import _with_body

    orgs = {m.label for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert label in orgs and absent not in orgs


_TERSE_CV = ("WIDGET TRANSLATOR\njroe@quill.ac.th | Quilltown\nApplying for: MA Applied Widget Studies, Quillfield University "
       "(Centre for Widget Studies, CWS), entry September 2025\n\nEDUCATION\n"
       "2016-2020  อักษรศาสตรบัณฑิต / Bachelor of Arts (B.A.), English major, Japanese minor\n"
       "           Faculty of Arts, Obilade University, Quilltown\n"
       "           First-class honours. Senior project on subtitling kinship terms\n\n"
       "EXPERIENCE\n"
       "2022-now   Localization Specialist (Thai), Quilldesk, Quilltown\n"
       "2020-2022  Freelance literary translator, Quillarin Printing and Publishing\n"
       "2019-now   Volunteer translator, Widgets without Borders (WWB)\n"
       "2022       Internship offer, United Widget Commission for Asia (UWCA) - declined (accepted Quilldesk post)\n\n"
       "AWARDS\n- 2023 Widget Translators Association young translator prize (runner-up)\n")


@pytest.mark.parametrize("relation, expected", [
    (("appliesToProgram", "MA Applied Widget Studies"), True),  # a field line "Applying for: …"
    (("studiedAt", "Obilade University"), True),  # a degree named in another script, then in English
    (("workedAt", "Quilldesk"), True),  # a post with its language in brackets
    (("workedAt", "Quillarin Printing and Publishing"), True),  # a translator's post
    (("workedAt", "Widgets without Borders"), True),  # an employer with its acronym in brackets
    (("workedAt", "United Widget Commission for Asia"), False),  # an offer declined
    (("workedAt", "Widget Translators Association"), False),  # a prize
])
def test_a_terse_resume_of_posts_offers_and_prizes(extractor, relation, expected):
    assert (relation in _relations(_extract(extractor, _TERSE_CV))) is expected


def test_a_listed_name_and_the_city_around_it(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + _PROSE + "I completed my BSc at Quillfield University in Cambridge in 2019. "
                   "I completed my MSc in Widget Studies at the Ecole Nationale d'Architecture de Quillbat, which I loved.")
    orgs = {m.label: m.aliases for m in ext.mentions if m.kind == "organization"}
    # the city a university is in, though the list knows a university by its name, is no university
    assert "University of Cambridge" not in orgs and ("studiedAt", "Quillfield University") in _relations(ext)
    # the listed school, as the text names it with its city
    assert "Ecole Nationale d'Architecture de Quillbat" in orgs["Ecole Nationale d'Architecture"]


def test_the_candidate_is_the_applicant_and_applies_for_nothing(extractor):
    text = ("# Statement of Purpose\n\n## About the candidate\n\nThe candidate, Jane Roe, is a widget teacher with "
            "thirteen years of experience in public schools. She holds a Bachelor of Education from Quilltse College "
            "of Education (QCE), completed in 2011.\n\nFrom 2012 to 2018 the candidate taught English and geography at "
            "Widgetphug Higher Secondary School in Quillphu, where she also served as the assessment coordinator.")
    relations = _relations(_extract(extractor, text, "doc.md"))
    assert ("workedAt", "Widgetphug Higher Secondary School") in relations
    assert ("appliesTo", "Widgetphug Higher Secondary School") not in relations



@pytest.mark.parametrize("passage, present", [
    ("I have seven years of experience with a conservation NGO in the southern Peruvian Amazon.", False),
    ("I had worked in the Amazon for years before my master's.", False),
    ("In 2021 I interned at Amazon as a data scientist.", True),
    ("I later joined the Amazon team in Lima as an engineer.", True),
])
def test_a_company_named_like_a_region(extractor, passage, present):
    from tests.test_pipeline_stages import _with_body

    labels = {m.label for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert ("Amazon" in labels) is present


@pytest.mark.parametrize("passage, relation, present", [
    # a lecturer in a university's department holds a post at the university
    ("Since 2020 I have been a Lecturer in the Department of Widgetology and Therapeutics, College of Medicine, "
     "University of Ibadan, where I teach pharmacology.", ("workedAt", "University of Ibadan"), True),
    ("Since 2020 I have been a Lecturer in the Department of Widgetology and Therapeutics, College of Medicine, "
     "University of Ibadan, where I teach pharmacology.", ("workedAt", "Department of Widgetology and Therapeutics"), False),
    # an internship year at a teaching hospital is work there, and a teaching hospital is no university
    ("After a Bachelor of Pharmacy in 2012 and the mandatory internship year at the University of Nigeria Teaching "
     "Hospital, I completed a PhD in Pharmacology at the University of Ibadan in 2020.",
     ("workedAt", "University of Nigeria Teaching Hospital"), True),
    ("After a Bachelor of Pharmacy in 2012 and the mandatory internship year at the University of Nigeria Teaching "
     "Hospital, I completed a PhD in Pharmacology at the University of Ibadan in 2020.",
     ("studiedAt", "University of Nigeria Teaching Hospital"), False),
    # a service another body operates is no workplace of the applicant's
    ("The warning service operated by the Widgetian Water Resources Directorate (WWRD) is, to me, a model of how "
     "research and operational warning can work together.", ("workedAt", "Widgetian Water Resources Directorate"), False),
    # an adviser's post on a résumé line, and the office the line names after it
    ("\n\n- **Ministerio de Widgets** (Ministry of Widgets), Santiago — *Advisor*, Dirección de Quills (Quill Office, "
     "DIQ), 2022–present\n", ("workedAt", "Ministerio de Widgets"), True),
    ("\n\n- **Ministerio de Widgets** (Ministry of Widgets), Santiago — *Advisor*, Dirección de Quills (Quill Office, "
     "DIQ), 2022–present\n", ("workedAt", "Dirección de Quills"), True),
    ("\n\n- M.Sc. in Widgetry, Quillfield University, 2020 — thesis advisor, Prof. Ada Roe\n",
     ("workedAt", "Quillfield University"), False),
])
def test_round_thirty_relations(extractor, passage, relation, present):
    from tests.test_pipeline_stages import _with_body

    assert (relation in _relations(_with_body(extractor, passage))) is present


def test_a_translation_in_brackets_before_an_acronym_used_later(extractor):
    from tests.test_pipeline_stages import _with_body

    passage = ("\n\n- **Banco Central de Widgetia** (Central Bank of Widgetia, BCWg), Santiago — *Economic Analyst*, "
               "2019–2022\n- **Ministerio de Widgets**, Santiago — *Analyst*, Dirección de Quills (Quill Office, DIQ), "
               "2022–present\n\nWorking at DIQ has shown me that the hardest problems are not technical.")
    orgs = {m.label: set(m.aliases) for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert "Central Bank of Widgetia" in orgs["Banco Central de Widgetia"]
    assert {"Quill Office", "DIQ"} <= orgs["Dirección de Quills"] and "Quill Office" not in orgs


@pytest.mark.parametrize("passage, relation, present", [
    # a lab in a school: the lab is the workplace and its head a mentor, past the school's acronym
    ("During my M.Sc. I joined the Widget Vision & Robotics Laboratory in the School of Quill Engineering and "
     "Informatics (SQEI), led by Dr. Ada Quillanto.", ("workedAt", "Widget Vision & Robotics Laboratory"), True),
    ("During my M.Sc. I joined the Widget Vision & Robotics Laboratory in the School of Quill Engineering and "
     "Informatics (SQEI), led by Dr. Ada Quillanto.", ("workedAt", "School of Quill Engineering and Informatics"), False),
    ("During my M.Sc. I joined the Widget Vision & Robotics Laboratory in the School of Quill Engineering and "
     "Informatics (SQEI), led by Dr. Ada Quillanto.", ("mentoredBy", "Ada Quillanto"), True),
    # a post named by its job noun, held with a body
    ("Since 2021 I have been a field linguist with the Fundación Widgets de la Palabra, a small NGO.",
     ("workedAt", "Fundación Widgets de la Palabra"), True),
    # a department is no institute one earns a degree at
    ("I completed a degree in Anthropology at the Universidad de los Andes (2016), in the Departamento de "
     "Antropología.", ("studiedAt", "Departamento de Antropología"), False),
    # a faculty's university in brackets is where one studied
    ("I obtained my Licence in Chemistry at the Faculté des Sciences de Quill (Université Widget V de Quill) in 2019.",
     ("studiedAt", "Université Widget V de Quill"), True),
])
def test_round_thirty_one_relations(extractor, passage, relation, present):
    from tests.test_pipeline_stages import _with_body

    assert (relation in _relations(_with_body(extractor, passage))) is present


def test_header_lines_of_an_application_and_of_an_offer_declined(extractor):
    text = ("STATEMENT OF ACADEMIC PURPOSE\nApplicant: Jane Roe\nProgram: PhD in Widgetry, Department of Widgetry, "
            "University of British Columbia (UBC)\n- Other offers: MSc Geology, Colorado School of Mines (2024) -- "
            "declined, no funding\n\n" + _PROSE * 3)
    relations = _relations(_extract(extractor, text))
    assert ("appliesTo", "University of British Columbia") in relations
    assert ("appliesTo", "Colorado School of Mines") not in relations


def test_a_faculty_and_its_university_in_brackets_are_two_bodies(extractor):
    from tests.test_pipeline_stages import _with_body

    passage = "I studied at the Faculté des Sciences de Quill (Université Widget V de Quill) from 2019 to 2021."
    orgs = {m.label: m.aliases for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert "Université Widget V de Quill" in orgs and "Université Widget V de Quill" not in orgs["Faculté des Sciences de Quill"]


def test_a_listed_journal_of_a_listed_body_is_no_longer_name_of_it(extractor):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, "Our second paper appeared in IEEE Access in 2023.")
    assert "IEEE Access" not in {m.label for m in ext.mentions if m.kind == "organization"}


@pytest.mark.parametrize("passage, relation, present", [
    # years spent in a post are no years of study; a council one registers with is no employer
    ("I spent four years as a staff nurse on the medical wards of the University Hospital of Quillton (UHQ).",
     ("workedAt", "University Hospital of Quillton"), True),
    ("I spent four years as a staff nurse on the medical wards of the University Hospital of Quillton (UHQ).",
     ("studiedAt", "University Hospital of Quillton"), False),
    # where a post was based
    ("In 2020 I moved to community nursing with the Widget Regional Health Authority (WRHA), based at the Quill "
     "Bay Health Centre in St. Widget.", ("workedAt", "Quill Bay Health Centre"), True),
    # a degree of a university's faculty, named with it on a résumé line, is the university's
    ("\n\n## Education\n\n- **MSc in Epidemiology**, Faculty of Widget Sciences, University of Quillton, Widgetia "
     "(2021). Thesis on widget wear.\n", ("studiedAt", "University of Quillton"), True),
    ("\n\n## Education\n\n- **MSc in Epidemiology**, Faculty of Widget Sciences, University of Quillton, Widgetia "
     "(2021). Thesis on widget wear.\n", ("studiedAt", "Faculty of Widget Sciences"), False),
    # "…, where I completed a Licence" after the name and its city, when the main clause says nothing of it
    ("My formal training began at the Institut National Supérieur de Widgets in Quillville, where I completed a "
     "Licence in musicology in 2017.", ("studiedAt", "Institut National Supérieur de Widgets"), True),
    # a body named as the modifier of its laboratories, past its acronym, is no workplace
    ("I am also attracted by the One Health orientation of the faculty and its links with the World Organisation "
     "for Animal Health (WOAH) reference laboratories.", ("workedAt", "World Organisation for Animal Health"), False),
    # "whose work … I have followed" is the adviser's work, not the applicant's working at the adviser's body
    ("I would be honoured to be supervised by Prof. Ada Quillsome, whose work on widget wear I have followed "
     "closely, and co-supervised by Dr. Bea Renn of the Widget Research Council – Quillfield Widget Research (WRC-QWR).",
     ("workedAt", "Quillfield Widget Research"), False),
    # a French name with a small adjective after its head, and a unit whose name ends in an elided article
    ("After my Master's I spent six months as an intern at the Bibliothèque nationale de Widgetie, in the "
     "Département de l'Audiovisuel, on a project to digitise records.", ("workedAt", "Bibliothèque nationale de Widgetie"), True),
])
def test_round_thirty_two_relations(extractor, passage, relation, present):
    from tests.test_pipeline_stages import _with_body

    assert (relation in _relations(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, label, alias", [
    # the writer's "I" after a name is no numeral of it
    ("After registration with the Nursing Council of Widgetia I spent four years on the wards.",
     "Nursing Council of Widgetia", None),
    # an acronym first, the name it stands for in brackets (its fields listed with commas)
    ("At the institute I contributed to a national project funded by WQAF (the Widget Agency for Higher Education, "
     "Research, Development and Quill Funding), on the seismic assessment of schools.",
     "Widget Agency for Higher Education, Research, Development and Quill Funding", "WQAF"),
    ("I learned this music as a child, in the amateur ensemble of the Association Widget El Quillous, long before "
     "I knew its name.", "Association Widget El Quillous", None),
    ("After my Master's I spent six months as an intern at the Bibliothèque nationale de Widgetie, in the "
     "Département de l'Audiovisuel.", "Département de l'Audiovisuel", None),
    # a faculty and its university after a programme on a résumé line are two names
    ("\n\n- **MSc in Epidemiology**, Faculty of Widget Sciences, University of Quillton, Widgetia (2021).\n",
     "University of Quillton", None),
])
def test_round_thirty_two_names(extractor, passage, label, alias):
    from tests.test_pipeline_stages import _with_body

    orgs = {m.label: m.aliases for m in _with_body(extractor, passage).mentions if m.kind == "organization"}
    assert label in orgs
    assert alias is None or alias in orgs[label]


@pytest.mark.parametrize("email, named, listed", [
    ("jane.roe@uibk.ac.at", "University of Innsbruck", "Universität Innsbruck"),
    # the university's name in its own language, with its country after it
    ("jane.roe@uvs.edu", "Anton de Kom Universiteit van Suriname", "Anton de Kom University"),
])
def test_the_university_of_the_email_is_not_named_twice(extractor, email, named, listed):
    text = (f"Jane Roe\n{email}\n\n" + _PROSE * 2 + "I completed my PhD in Widget Sciences at the "
            f"{named} in 2024, and I now apply to the Widget Institute.")
    orgs = {m.label for m in _extract(extractor, text).mentions if m.kind == "organization"}
    assert named in orgs and listed not in orgs


def test_a_council_one_registers_with_is_no_employer(extractor):
    from tests.test_pipeline_stages import _with_body

    relations = _relations(_with_body(extractor, "After my registration with the Widget Nursing Council I worked for "
                                                 "four years on the wards of the Quillfield University Hospital (QUH)."))
    assert ("workedAt", "Quillfield University Hospital") in relations
    assert not {r for r in relations if r[0] == "workedAt" and "Council" in r[1]}


def test_a_partnership_that_defines_its_acronym_is_an_organisation(extractor):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, "Applying for funding through the London Arts and Widget Partnership (LAWP) is a further "
                                "reason why I am applying.")
    assert "London Arts and Widget Partnership" in {m.label for m in ext.mentions if m.kind == "organization"}


@pytest.mark.parametrize("passage, label, alias", [
    ("In spring 2024 I attended a training school at Quill Institute, which was funded by the Widgetian National "
     "Science Fund.", "Widgetian National Science Fund", None),
    ("The recordings are being deposited in the Endangered Widgets Archive (EWAR).", "Endangered Widgets Archive", "EWAR"),
    ("After graduation I joined the Banque pour le Commerce Extérieur Widget Public (BCEWP) as a credit officer.",
     "Banque pour le Commerce Extérieur Widget Public", None),
    # a group named after its field, which the text also writes in lower case
    ("Since 2012 I have been a researcher in the Epidemiology Group of the Quill Centre, where I trained provincial "
     "veterinarians in epidemiology.", "Epidemiology Group", None),
    # a patron's name in quotes between a university's name and its acronym (the name it is known by)
    ('I graduated from the Agrarian University of Quilltown "Ada Renn Widget" (UNAQ) in 2012, and UNAQ awarded my '
     "doctorate in 2022.", 'Agrarian University of Quilltown "Ada Renn Widget"', "UNAQ"),
    # a body named in its own language, with its acronym
    ("Since 2024 I calibrate sewer models at Quillavská vodárenská spoločnosť (QVS), the city's water utility.",
     "Quillavská vodárenská spoločnosť", "QVS"),
    # the words that open a grant's name are not its body's
    ("\n\nAWARDS\nRoyal Widget Society Research Support Grant, 2023 (for a library visit).\n", "Royal Widget Society", None),
    # an unlisted meeting whose first word is hyphenated
    ("I presented it at the 2023 Widget-Pacific Conference on International Quill Issues in Quilltown.",
     "Widget-Pacific Conference on International Quill Issues", None),
])
def test_round_thirty_three_names(extractor, passage, label, alias):
    from tests.test_pipeline_stages import _with_body

    names = {m.label: m.aliases for m in _with_body(extractor, passage).mentions if m.kind in ("organization", "venue")}
    assert label in names
    assert alias is None or alias in names[label]


def test_an_acronym_the_text_gives_a_term_names_no_body(extractor):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, "In 2019 I attended a course on the diagnosis of African swine fever (ASF) in Quilltown. "
                                "ASF preparedness became my interest.")
    assert not any("ASF" in (m.label, *m.aliases) for m in ext.mentions if m.kind == "organization")


@pytest.mark.parametrize("text, relation, present", [
    ("When I came home I joined the Bank of Widgetia (BOW), the central bank, in the Financial Widget Supervision "
     "Department, where I still work.", ("workedAt", "Bank of Widgetia"), True),
])
def test_round_thirty_three_posts(extractor, text, relation, present):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + text))) is present


def test_a_courses_participant_is_no_employee(extractor):
    text = ("I also spent two weeks in 2023 at the Quill Institute for Widget Anthropology in Quilltown as a participant in "
            "a widget documentation training course, where I learned the QUILL and WIDG workflows that I now use for all "
            "transcription.")
    relations = _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + text))
    assert not any(p == "workedAt" and "Widget Anthropology" in o for p, o in relations)


def test_a_memos_to_line_names_where_one_applies(extractor):
    text = ("Jane Roe\njane@quill.example\n\nTo: Graduate Admissions, Centre for Widget Studies, Quillfield University\n"
            "Re: PhD in Widget Studies, entry September 2025\n\nDear Committee,\n\n" + _PROSE * 2)
    ext = _extract(extractor, text)
    assert ("appliesTo", "Quillfield University") in _relations(ext)
    assert "Centre for Widget Studies" in {m.label for m in ext.mentions if m.kind == "organization"}


def test_a_groups_line_under_the_name_names_its_units(extractor):
    text = ("Jane Roe\njane@quill.example\nIntended group: Porous Widgets and Interfaces Group, Department of Chemistry, "
            "Quillfield University\n\n" + _PROSE * 2)
    assert "Porous Widgets and Interfaces Group" in {m.label for m in _extract(extractor, text).mentions
                                                     if m.kind == "organization"}


def test_a_university_under_the_programme_a_blank_line_apart_is_the_target(extractor):
    text = ("# Statement of Purpose — PhD in Widget Economics\n\n**Universitat Widget Quilla (UWQ), Department of "
            "Economics and Business**\n*Applicant: Jane Roe*\n\n---\n\n## Where the question comes from\n\n" + _PROSE * 2)
    assert ("appliesTo", "Universitat Widget Quilla") in _relations(_extract(extractor, text))


def test_a_profiles_host_line_names_the_target(extractor):
    text = ("CANDIDATE PROFILE\n\nCandidate: Jane Roe\nProgram: Doctor of Philosophy (Widget Pathology)\n"
            "Host: School of Allied Widgetry, Quillfield University, Quilltown\n\n" + _PROSE * 2)
    assert ("appliesTo", "Quillfield University") in _relations(_extract(extractor, text))


@pytest.mark.parametrize("text, relation, present", [
    # the British "read" of a subject, and going to a university to study one
    ("I went to Quillfield University to read Law in 2014, half expecting to end up in practice.",
     ("studiedAt", "Quillfield University"), True),
    ("In 2019 I went to Quillmont University to study Physics.", ("studiedAt", "Quillmont University"), True),
    ("I read History at Quillbridge University.", ("studiedAt", "Quillbridge University"), True),
    # reading papers is no study, and going to a university for a conference neither
    ("At Quill College I read papers on rivers.", ("studiedAt", "Quill College"), False),
    ("I went to Renn University for a conference on rivers.", ("studiedAt", "Renn University"), False),
])
def test_reading_a_subject_is_studying(extractor, text, relation, present):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + text))) is present


def test_a_listed_acronym_with_a_name_and_a_year_of_its_own_is_another_meeting(extractor):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, 'The results became a short paper: "Characterising cache contention in containerised '
                                'widgets", ICT Quillovations 2023 (J. Roe, D. Quillanoski).')
    assert "ICT Quillovations" in {m.label for m in ext.mentions if m.kind == "venue"}


@pytest.mark.parametrize("passage, label", [
    # a name already qualified by "of" or "for" ends before "in" and its city
    ("Since 2022 I have worked as a project researcher at the Institute of the Quillish Language in Quilltown.",
     "Institute of the Quillish Language"),
    ("I was an intern at the Quill Institute for Widget Anthropology in Quilltown.", "Quill Institute for Widget Anthropology"),
])
def test_the_city_after_a_qualified_name_is_no_part_of_it(extractor, passage, label):
    from tests.test_pipeline_stages import _with_body

    assert label in {m.label for m in _with_body(extractor, passage).mentions if m.kind == "organization"}


def test_a_french_engineering_diploma_on_a_resume_line(extractor):
    text = ("\n\nEDUCATION\n2014–2019      Diplôme d'Ingénieur de Conception, Génie Civil, École Polytechnique de Quillès (EPQ).\n")
    ext = _extract(extractor, "Jane Roe\n\n" + _PROSE + text)
    assert ("studiedAt", "École Polytechnique de Quillès") in _relations(ext)
    assert "Génie Civil" not in {m.label for m in ext.mentions if m.kind == "person"}


@pytest.mark.parametrize("text, relation, present", [
    # "your group at X", however the parse hangs "at X", is the addressee's, not a post of the applicant's
    ("I am writing to apply for the PhD position at Quill University, to be carried out in your group at the Widget "
     "Institute for Global Health (WIGH) with Dr. Ada Quillborne as co-promotor.", ("workedAt", "Widget Institute for Global Health"),
     False),
    # a degree taken at an institute
    ("After two years of clinical work I took a Master of Public Health at the Institute of Widget Medicine Quillwerp "
     "(IWM) in Belgium, graduating in 2019.", ("studiedAt", "Institute of Widget Medicine Quillwerp"), True),
    # the trade one trained for is no post; the school's degree is its university's
    ("I trained as a chemical engineer at the École Supérieure Polytechnique de Quillville (ESPQ) of the University of "
     "Quillville, graduating in 2016.", ("studiedAt", "University of Quillville"), True),
    ("I trained as a chemical engineer at the École Supérieure Polytechnique de Quillville (ESPQ) of the University of "
     "Quillville, graduating in 2016.", ("workedAt", "University of Quillville"), False),
    # "X, a CNRS laboratory": one of CNRS's laboratories describes X, the post is X's
    ("From 2021 to 2023 I was a postdoctoral researcher at the Institut de Chimie et des Widgets Paris-Est (ICWPE), a "
     "CNRS laboratory, in the group of Dr. Pascal Quillardot.", ("workedAt", "CNRS"), False),
    ("From 2021 to 2023 I was a postdoctoral researcher at the Institut de Chimie et des Widgets Paris-Est (ICWPE), a "
     "CNRS laboratory, in the group of Dr. Pascal Quillardot.", ("workedAt", "Institut de Chimie et des Widgets Paris-Est"),
     True),
    # a volunteer "rather than an employee"
    ("Since 2020 I have worked closely with the Fundación Cultural Quill Congo, a community association in Widgetbelo, "
     "but I am a volunteer there rather than an employee.", ("workedAt", "Fundación Cultural Quill Congo"), False),
])
def test_round_thirty_eight_relations(extractor, text, relation, present):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + text))) is present


def test_the_unit_on_the_host_line_gives_its_university_as_the_target(extractor):
    text = ("Research Statement\nJane Roe\nProposed host: Institute of Multidisciplinary Widget Research (IMWR, 多元物質科学), "
            "Quillhoku University, Sendai\n\n" + _PROSE
            + "I am applying for a postdoctoral fellowship at IMWR to pursue this question in the laboratory of Prof. Ada Quillgiri.")
    relations = _relations(_extract(extractor, text))
    assert ("appliesTo", "Quillhoku University") in relations
    assert not {o for p, o in relations if p in ("appliesTo", "workedAt") and o.startswith("Institute of")}


def test_a_listed_name_glossing_a_short_one_without_its_city_is_the_same_body(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "It is the reason I am applying to the M.Sc. in Finance at HEC Montréal (École des "
            "hautes études commerciales de Montréal).")
    ext = _extract(extractor, text)
    (target,) = [m for m in ext.mentions if m.kind == "organization" and "HEC Montréal" in (m.label, *m.aliases)]
    assert ("appliesTo", target.label) in _relations(ext)


def test_an_institute_named_after_the_target_university_is_its_unit(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "I would like to pursue this in a PhD at Université Quill-Saclay, in the team of "
            "Dr. Ada Quillmoine at the Institut de Chimie Moléculaire et des Widgets d'Orsay (ICMWO, UMR 8182). The access "
            "of ICMWO to the synchrotron, and its links with other laboratories, are a strong attraction for me.")
    targets = {o for p, o in _relations(_extract(extractor, text)) if p == "appliesTo"}
    assert targets == {"Université Quill-Saclay"}


def test_a_romance_name_with_a_and_the_parent_an_arm_is_of(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "Since 2017 I have been a veterinary officer in the serology laboratory of the "
            "Centre National d'Appui à la Santé Widgetale (CNASW, the National Widget Health Support Centre), the "
            "technical arm of the Ministère de l'Élevage et des Productions Widgetales (Ministry of Widget Production).")
    ext = _extract(extractor, text)
    relations = _relations(ext)
    assert ("workedAt", "Centre National d'Appui à la Santé Widgetale") in relations
    assert not {o for p, o in relations if p == "workedAt" and "Minist" in o}
    (centre,) = [m for m in ext.mentions if m.label == "Centre National d'Appui à la Santé Widgetale"]
    assert "National Widget Health Support Centre" in centre.aliases


@pytest.mark.parametrize("passage, programme", [
    ("I am applying to the Mestrado em Engenharia Civil at the Universidade de Quillboa.", "Mestrado em Engenharia Civil"),
    ("I am applying to the Programa de Doctorado en Estado de Derecho y Gobernanza Global at the Universidad de Quillanca.",
     "Programa de Doctorado en Estado de Derecho y Gobernanza Global"),
])
def test_degrees_named_in_their_own_language(extractor, passage, programme):
    relations = _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + passage))
    assert ("appliesToProgram", programme) in relations


def test_the_partner_of_the_institute_applied_to_is_no_target(extractor):
    text = ("Jane Roe\nApplication: Postdoctoral Fellowship in Widget Epidemiology, Department of Widget Health, "
            "Quill Tropical Institute (QTI), Quilltown – an associated institute of the University of Basel\n\n" + _PROSE * 2)
    targets = {o for p, o in _relations(_extract(extractor, text)) if p == "appliesTo"}
    assert targets == {"Quill Tropical Institute"}


def test_a_short_name_of_a_word_and_an_acronym_is_the_name_it_shortens(extractor):
    text = ("Jane Roe\n\n" + _PROSE + "I am applying to the Widget Tropical and Public Health Institute (Widget TPH). "
            "My project at Widget TPH would model how widgets wear.")
    orgs = {m.label: m.aliases for m in _extract(extractor, text).mentions if m.kind == "organization"}
    assert "Widget TPH" in orgs["Widget Tropical and Public Health Institute"] and "Widget TPH" not in orgs


@pytest.mark.parametrize("passage, relation, expected", [
    # a school "of" the university is its part, whatever its bracketed short name says
    ("I then moved to Quilltown to enter the École Nationale Supérieure de Widgets (ENSW) of the Université de Quill, "
     "and graduated as an engineer in 2018.", ("studiedAt", "Université de Quill"), True),
    ("I then moved to Quilltown to enter the École Nationale Supérieure de Widgets (ENSW) of the Université de Quill, "
     "and graduated as an engineer in 2018.", ("studiedAt", "École Nationale Supérieure de Widgets"), False),
    # a centre that teaches a degree, named in apposition to its acronym
    ("After that I completed a research master's in electrical engineering at CEWQ, the Centre d'Excellence Widget "
     "pour la Quillerie, which is hosted by the same university.",
     ("studiedAt", "Centre d'Excellence Widget pour la Quillerie"), True),
    # a company named head first in French, inside a lower-case unit's name; the university is when, not where
    ("While still at the Université de Quill I spent three months as an intern at the national dispatching centre "
     "of the Compagnie Électrique du Quillland (CEQ), where I analysed feeder outages.",
     ("workedAt", "Compagnie Électrique du Quillland"), True),
    ("While still at the Université de Quill I spent three months as an intern at the national dispatching centre "
     "of the Compagnie Électrique du Quillland (CEQ), where I analysed feeder outages.",
     ("workedAt", "Université de Quill"), False),
    # a degree told to have been at an institute
    ("My PhD (2019–2023) was at Karolinska Institutet, in the Department of Global Widgets, under the supervision "
     "of Dr. Ada Renn.", ("studiedAt", "Karolinska Institutet"), True),
    ("My PhD (2019–2023) was at Karolinska Institutet, in the Department of Global Widgets, under the supervision "
     "of Dr. Ada Renn.", ("studiedAt", "Department of Global Widgets"), False),
    # the body a group's institute is part of
    ("In 2023 I spent six months as a research intern in the Widget Technologies group of the Quill Computing "
     "Research Institute (QCRI), part of Quillfield University in Doha.", ("workedAt", "Quillfield University"), False),
    # words others say, quoted
    ('Our parent company is Widget Telecom, and I am sometimes asked about "my time at Widget Telecom"; in fact my '
     'desk was always at Quillcom.', ("workedAt", "Widget Telecom"), False),
    # a post in a part of a body
    ("Since 2021 I have been an economist in the statistics unit of the Banco de Quillândia, the country's central bank.",
     ("workedAt", "Banco de Quillândia"), True),
    # a university named head first in its own language, a numeral in its name
    ("I then joined the College of Computing of Université Widget VI Polytechnique (UW6P) in Ben Guerir, where I "
     "completed my master's degree.", ("studiedAt", "Université Widget VI Polytechnique"), True),
    # a fellowship named after who pays for it is funding, whatever its kind
    ("I intend to apply for an EMBO Postdoctoral Fellowship to support this project.", ("appliesTo", "EMBO"), False),
])
def test_round_44_passages(extractor, passage, relation, expected):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + _PROSE + passage))) is expected


def test_the_subject_of_a_third_person_statement_is_its_author_whatever_its_accents(extractor):
    text = ("Candidate profile: Rita Mendes da Gralhá\n\nMs. da Gralhá grew up in a port town. From 2018 to 2021 "
            "Ms. da Gralhá was a technician at the Instituto Nacional de Widgets (INW) in Quilltown, where she worked "
            "on the household survey. She hopes to study widget economics.\n")
    assert ("workedAt", "Instituto Nacional de Widgets") in _relations(_extract(extractor, text))


_PROFILE = ("JANE QUILL ROE\nProfile for doctoral application -- PhD in Education\n\n"
            "Target:        Faculty of Widget Studies, Quillfield University\n"
            "Funding:       Widget Scholarship (applied; Quillian Ministry of Foreign Affairs and Trade)\n\n"
            "EDUCATION\n"
            "  2010-2013   BEd (Primary), Obilade University (OU)\n"
            "              Faculty of Education; a widget studies minor taught through the Centre for Quill Studies\n\n"
            "EMPLOYMENT\n"
            "  2019-now    Senior Curriculum Officer (Widget Language), Curriculum Materials and Assessment Division,\n"
            "              Ministry of Education, Widgets and Culture (MEWC), Quilltown\n"
            "              - leads revision of the widget-language curriculum, Years 1-8\n"
            "              - manager: ACEO Tuilagi Sefa Quillepe\n"
            "  2017        Part-time tutor (foundation English), Obilade University, Quillapia -- Jan to Jun only\n\n"
            "PROPOSED SUPERVISION\n"
            "  Assoc. Prof. Salote Quillfale has agreed in principle to be main supervisor.\n")


@pytest.mark.parametrize("relation, expected", [
    ("appliesTo", "Quillfield University"),  # a "Target:" line names the target
    ("workedAt", "Ministry of Education, Widgets and Culture"),  # a résumé indented as a whole: the entry's next line
    ("studiedAt", "Obilade University"),
])
def test_a_terse_profile(extractor, relation, expected):
    assert (relation, expected) in _relations(_extract(extractor, _PROFILE))


def test_a_terse_profile_names_no_funder_as_target_nor_a_faculty_as_a_second_school(extractor):
    ext = _extract(extractor, _PROFILE)
    relations = _relations(ext)
    assert ("appliesTo", "Quillian Ministry of Foreign Affairs and Trade") not in relations
    assert ("studiedAt", "Faculty of Education") not in relations
    # a typewriter's dash sets the dates apart from the place
    assert not any("Jan to Jun" in m.label for m in ext.mentions)


def test_a_header_post_at_a_body_whose_name_opens_with_the(extractor):
    text = ("# Research Statement\n\n**Dr. Jane Roe** · Postdoctoral Research Fellow, The Maldives National University · "
            "jane@quill.example\n\n" + _PROSE * 2)
    assert ("workedAt", "Maldives National University") in _relations(_extract(extractor, text, name="doc.md"))


@pytest.mark.parametrize("header, target", [
    # a postdoctoral fellowship is a post at the institute, not money from it
    ("RESEARCH STATEMENT\n\nDr. Jane Roe\nApplication for a two-year Postdoctoral Research Fellowship, Quill Institute "
     "for Comparative Widget Law (QICWL), Heidelberg. Proposed start: 1 October 2025.\n\n",
     "Quill Institute for Comparative Widget Law"),
    # the application's line, then its host's on the next line with more after it
    ("# Motivation letter\n\n**Jane Roe**\nQuilltown · jane@quill.example\n\n"
     "> Application to the **Mestrado em História Widget** (Master's in Widget History)\n"
     "> Faculdade de Ciências Widget, Universidade Nova de Lisboa · academic year 2025/26\n\n",
     "Universidade Nova de Lisboa"),
])
def test_the_target_named_in_a_header(extractor, header, target):
    relations = _relations(_extract(extractor, header + _PROSE * 2, name="doc.md"))
    assert ("appliesTo", target) in relations
