"""Person rules of :mod:`sopgraph.person_relations` and the letter rules beside them, on invented passages."""
import pytest

from tests.test_pipeline_stages import BODY, _extract, _relations, _with_body


_POTENTIAL_SUPERVISORS = ("My potential supervisors are Dr. Ada Quillborne, whose group in the Widget Centre develops "
                          "length-based widget models, and Associate Professor Bo Renwick of the Quill Centre, whose "
                          "work on widget dispersal could explain recovery.")


@pytest.mark.parametrize("passage, relation", [
    # a role word, then a description, then the name
    ("In 2020 I joined a widget agency. My boss there, the urban planner Ada Quillborne, taught me to write memos.",
     ("mentoredBy", "Ada Quillborne")),
    # a professor's research seminar is their group
    ("At Quill University I wrote my undergraduate thesis in the seminar of Professor Ada Quillborne on widget manuals.",
     ("mentoredBy", "Ada Quillborne")),
    # the advice one hopes for names a prospective advisor
    ("I would also greatly value the advice of Dr. Bo Renwick of Quill College on widget history.",
     ("prospectiveAdvisor", "Bo Renwick")),
    # a name with particles, which the parser splits between "with" and the verb
    ("Since 2022 I have been a postdoctoral researcher in the Department of Widget Engineering at Quill University, "
     "working with Dr. Marieke van den Quill.", ("mentoredBy", "Marieke van den Quill")),
    # advisors named as the ones wished for ("potential"), the second after the first one's relative clause
    (_POTENTIAL_SUPERVISORS, ("prospectiveAdvisor", "Ada Quillborne")),
    (_POTENTIAL_SUPERVISORS, ("prospectiveAdvisor", "Bo Renwick")),
    # what the wished-for advisor's group does ("maintains") is no collaboration the applicant continues
    ("I also hope to work with Prof. Ada Quillborne, whose group maintains one of the few widget models.",
     ("prospectiveAdvisor", "Ada Quillborne")),
    # a second infinitive of the wish, which the parser hangs on the first one's relative clause
    ("I hope to be supervised by Prof. Ada Quillborne, whose book on widget sovereignty I have used in my teaching, "
     "and to work day to day with Dr. Bo Renwick at the Widget Institute, whose expertise could help me.",
     ("prospectiveAdvisor", "Bo Renwick")),
    # a given name before a patronymic particle, after an honorific
    ("In 2017 I mapped fire scars in a forest reserve under the mentorship of Hajah Siti binti Haji Quillman, the "
     "department's senior forest officer.", ("mentoredBy", "Siti binti Haji Quillman")),
    # "after" in what the advisor's work shows is no plan of the applicant's for later
    ("I would also value guidance from Professor Rupert Quillman, the project's co-investigator, whose work on "
     "rewetting trials shows how quickly water tables recover after canal blocking.",
     ("prospectiveAdvisor", "Rupert Quillman")),
    # a sentence of prose that opens with the work is a wish, not a résumé line of work advised
    ("For the dissertation, I would be very glad to be supervised by Prof. Ada Quillborne, whose work on widget "
     "prosody addresses the problem I kept running into.", ("prospectiveAdvisor", "Ada Quillborne")),
    # the role one hopes for, named after the name
    ("I would also hope for Professor Bo Renwick as second reader; his research on widget notaries would give the "
     "project a comparative frame.", ("prospectiveAdvisor", "Bo Renwick")),
])
def test_people_relations(extractor, passage, relation):
    assert relation in _relations(_with_body(extractor, passage))


_LETTER = ("Jane Roe, MBBCh, MPH\nQuill City\n\n14 February 2025\n\nHiring Committee\nWidget Epidemiology Lab\n"
           "Quill University\n\nDear Dr. Quillborne and members of the hiring committee,\n\n"
           "I am writing to apply for the Research Assistant position in the Widget Epidemiology Lab. "
           "I want to strengthen these skills before applying to PhD programmes in epidemiology.\n\n"
           "Yours sincerely,\n\nJane Roe\n")


def test_a_letter_to_a_person_and_a_committee(extractor):
    relations = _relations(_extract(extractor, _LETTER))
    assert ("prospectiveAdvisor", "Quillborne") in {(p, o.split()[-1]) for p, o in relations}
    # post-nominal degrees after the author's name and a later application are not applied to
    assert not {r for r in relations if r[0] == "appliesToProgram"}


@pytest.mark.parametrize("text, relation", [
    # a coordinated participle the parser hangs on the relative clause of the first supervisor
    ("My thesis was supervised by Prof. Ada Quill, who pushed me to read statutes the way an engineer reads a "
     "specification, and co-supervised by Dr. Bo Penn of Harrowgate University.", ("mentoredBy", "Bo Penn")),
    # a second "with" after the first one's relative clause
    ("I would be eager to work with Prof. Ada Quill, whose widget maps complement my approach, and with Dr. Bo Penn, "
     "whose long-term widget plots could anchor the network.", ("prospectiveAdvisor", "Bo Penn")),
])
def test_second_people_share_the_first_ones_relation(extractor, text, relation):
    from tests.test_pipeline_stages import _extract, _relations

    assert relation in _relations(_extract(extractor, "Jane Roe\n\n" + text))


def test_hopes_in_the_third_person_is_a_wish(extractor):
    from tests.test_pipeline_stages import _extract, _relations

    text = ("Personal Statement of Dr. Jane Roe\n\nDr. Jane Roe is a dentist. She studied at Obilade University. "
            "Jane hopes to be supervised by Professor Ada Quill, whose evaluations of widget taxes provide the "
            "template for her project. She is applying to the PhD at Quillfield University.\n")
    relations = _relations(_extract(extractor, text))
    assert ("prospectiveAdvisor", "Ada Quill") in relations and ("mentoredBy", "Ada Quill") not in relations


@pytest.mark.parametrize("text, relation", [
    ("Personal Statement\nCandidate: Jane Roe\n\nJane Roe grew up in a port city. She read law at Obilade University. "
     "Dr. Ada Quill remained her mentor after she left the Centre, and their work produced her first paper.",
     ("mentoredBy", "Ada Quill")),
    ("Personal Statement\nCandidate: Jane Roe\n\nJane Roe grew up in a port city. Since 2019 she has practised at a firm "
     "in the port, where she trained under the senior partner, Bo Penn.", ("mentoredBy", "Bo Penn")),
    ("Jane Roe\n\nWHY HERE\n- Dr. Ada Quill (Widget Lab): acoustic widget models. Would like her as main advisor; Q1 and "
     "Q3 fit her group.\n", ("prospectiveAdvisor", "Ada Quill")),
    ("Jane Roe\nQuillfield, Ruritania\n\n14 March 2025\n\nAssociate Professor Ada McQuill-Tait\nSchool of Widget "
     "Engineering\nObilade University\n\nDear Associate Professor McQuill-Tait,\n\nI am writing to apply for the "
     "postdoctoral position in widget design, and I would be delighted to contribute under your supervision.\n",
     ("prospectiveAdvisor", "Ada McQuill-Tait")),
])
def test_mentors_and_wishes_told_other_ways(extractor, text, relation):
    assert relation in _relations(_extract(extractor, text))


@pytest.mark.parametrize("text, relation, expected", [
    # the person is the subject of a guiding verb whose object is the applicant's work
    ("I studied widget design at Quill University. Dr. Ada Quillborne supervised my master's thesis on gears.",
     ("mentoredBy", "Ada Quillborne"), True),
    # the guiding verb as the complement of another ("agreed to supervise"), with the name given before in full
    ("I studied widget design at Quill University. The lecturer, Dr. Bo Penn-Renwick, opened the first class with a "
     "puzzle. In my third year Dr. Penn-Renwick agreed to supervise my undergraduate thesis.",
     ("mentoredBy", "Bo Penn-Renwick"), True),
    # two subjects joined by "and"
    ("I studied widget design at Quill University. Prof. Ada Quillborne and Dr. Bo Renwick jointly advised me.",
     ("mentoredBy", "Bo Renwick"), True),
    # in the third person, her thesis is the applicant's
    ("Personal Statement\nCandidate: Jane Roe\n\nJane Roe read widget design at Quill University, where Dr. Ada "
     "Quillborne supervised her thesis.", ("mentoredBy", "Ada Quillborne"), True),
    # someone else's students are not the applicant
    ("I studied widget design at Quill University. Dr. Ada Quillborne supervises twelve doctoral students.",
     ("mentoredBy", "Ada Quillborne"), False),
    # a person the applicant worked under, named in apposition to their role
    ("I worked for three years at a widget practice under the principal, the architect Bo Renwick.",
     ("mentoredBy", "Bo Renwick"), True),
    # "is a … mentor" told of a person the applicant worked with …
    ("I spent two years building widget gauges at Quill Labs. Dr. Ada Quillborne was an exceptional mentor.",
     ("mentoredBy", "Ada Quillborne"), True),
    # … but not of a mentor to others, nor beside a wish
    ("I studied widget design at Quill University. Dr. Ada Quillborne is a famous mentor to young engineers.",
     ("mentoredBy", "Ada Quillborne"), False),
    ("I studied widget design at Quill University. Prof. Ada Quillborne is a generous mentor, and I would love to "
     "work with her.", ("mentoredBy", "Ada Quillborne"), False),
    # the relative clause read from the text where "co-supervised" breaks the parse
    ("I enclose my CV and the names of three referees: Professor Ada Mthole (Quill University), Dr. Bo Hakuna (Ministry of "
     "Widgets and Social Services), and Professor Cy van Wyllem (Widget University), who co-supervised the "
     "genotyping component of my thesis.", ("mentoredBy", "Cy van Wyllem"), True),
    # advising beside someone is no being advised by them
    ("Since 2022 I have taught widgetry. With Dr. Bo Hakuna of the Ministry of Widgets, I also advise the national "
     "widget programme on its guidelines.", ("mentoredBy", "Bo Hakuna"), False),
    # the head of a team of an institute of an academy the applicant joined
    ("In my third year I joined, first as a volunteer and later as a paid field assistant, the Quill excavation team "
     "of the Institute of Widget History, Gears and Ethnology of the National Academy of Sciences of the Widget Republic, directed by "
     "Professor Tom Quillson.", ("mentoredBy", "Tom Quillson"), True),
    # supervision still to come is a wish
    ("I hope to join Quill University, where Dr. Ada Quillborne would supervise my thesis.",
     ("mentoredBy", "Ada Quillborne"), False),
])
def test_a_person_who_guided_the_applicants_work(extractor, text, relation, expected):
    if not text.startswith("Personal Statement"):
        text = "Jane Roe\n\n" + text
    assert (relation in _relations(_extract(extractor, text))) is expected


@pytest.mark.parametrize("after, groups", [
    # read from the text when the parse breaks "co-supervised" into three tokens
    (" (Widget University), who co-supervised the genotyping component of my thesis.", (None, "my")),
    (", who co-advised me during the MSc, retired.", ("me", None)),
    (", who supervised her thesis.", ("her", None)),  # the caller decides whose "her" is the applicant's
    (", who is a mentor to many.", None),
    (", who supervised twelve students.", None),
])
def test_a_guiding_relative_clause_read_from_the_text(after, groups):
    from sopgraph.person_relations import _WHO_GUIDED

    found = _WHO_GUIDED.match(after)
    assert (found.groups() if found else None) == groups


@pytest.mark.parametrize("text, relation, expected", [
    # the person in apposition to the subject of a guiding verb
    ("In 2016 I joined the widget ward of Quill Hospital. The nursing officer in charge of the ward, Mrs. Ada Quillborne, "
     "mentored me through my first years of practice.", ("mentoredBy", "Ada Quillborne"), True),
    # a name after "and" shares the supervision the phrase before it names …
    ("My doctoral work, carried out in the Widget Chemistry Department under the supervision of Dr. Ada Quillborne "
     "(Quill Agency research director) and Prof. Bo Renwick, concerned cobalt widgets for the reduction of gears.",
     ("mentoredBy", "Bo Renwick"), True),
    # … but co-authors after "with … and" are no supervisors
    ("The paper, co-authored with Dr. Ada Quillborne and Bo Renwick, appeared in 2023.", ("mentoredBy", "Bo Renwick"),
     False),
    # "whose work showed me": the writing taught the applicant, not the person
    ("My project draws on the history of widgets developed by Prof. Ada Quillborne, whose work showed me that widgets "
     "have a history.", ("mentoredBy", "Ada Quillborne"), False),
    # a review whose argument "should guide" research is no guide of the applicant
    ("I was first drawn into this gap by the landmark review of Prof. Ada Quillborne on widget chemistry, which argued "
     "that design rules should guide widget synthesis, and I want my doctoral work to help.",
     ("mentoredBy", "Ada Quillborne"), False),
])
def test_mentors_named_beside_others_and_their_work(extractor, text, relation, expected):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + text))) is expected


@pytest.mark.parametrize("text, relation, expected", [
    # a wish whose modal sits on the governing verb: "would be grateful … to be supervised by her"
    ("I have read the work of Dr. Ada Quillborne on widget referral systems and would be grateful for the chance to be "
     "supervised by her for my summer project.", ("prospectiveAdvisor", "Ada Quillborne"), True),
    # a past inspiration, with a present verb elsewhere in the sentence, is no wish
    ("My interest in widget cooperation was first sparked by the review of Prof. Ada Quillborne, and your group's use "
     "of operando spectroscopy is what drew me to apply.", ("prospectiveAdvisor", "Ada Quillborne"), False),
    # "she works in X" is no work of hers the applicant is interested in
    ("I was also inspired by Prof. Ada Quillborne's writing on widget delays, which shaped my interviews, although I know "
     "she works in Quilltown.", ("prospectiveAdvisor", "Ada Quillborne"), False),
    # "draws on" uses a theory: no attraction to the theorist's work
    ("I am applying to the PhD in History at Quill University. My thesis draws on the research of Prof. Ada Quillborne "
     "on widget listening, which is now central to the field.", ("prospectiveAdvisor", "Ada Quillborne"), False),
    # but being drawn to the work of a person is a wish
    ("I was particularly drawn to this vacancy because of the work of Prof. Ada Quillborne on widget accountability, "
     "and I would be honoured to join the project.", ("prospectiveAdvisor", "Ada Quillborne"), True),
    # a name inside what the work is to be about is its topic, not a wish
    ("I want to write my dissertation on the late novels of Ada Quillborne and their reception in Quilltown.",
     ("prospectiveAdvisor", "Ada Quillborne"), False),
    ("I am eager to work on these questions with Prof. Ada Quillborne.", ("prospectiveAdvisor", "Ada Quillborne"), True),
    ("I would love to contribute to Dr. Ada Quillborne's project on widget economies.",
     ("prospectiveAdvisor", "Ada Quillborne"), True),
])
def test_wishes_and_inspirations(extractor, text, relation, expected):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + text))) is expected


@pytest.mark.parametrize("text, relation, expected", [
    # the host of a past visit is a mentor, however the sentence goes on about the host's group
    ("In 2022 I spent four months as a visiting researcher at the Widget Center for Emergent Matter in Quilltown, hosted "
     "by Dr. Ada Quillborne, whose group grows the layered widgets that motivated my later work.",
     ("mentoredBy", "Ada Quillborne"), True),
    ("In 2022 I spent four months as a visiting researcher at the Widget Center for Emergent Matter in Quilltown, hosted "
     "by Dr. Ada Quillborne, whose group grows the layered widgets that motivated my later work.",
     ("prospectiveAdvisor", "Ada Quillborne"), False),
    # a name cited with a reference marker, in a direction of work it inspired, is neither
    ("Concretely I propose to compute widget contributions to the thermal Hall effect and to explore ultrafast "
     "widget dynamics, a direction inspired by the pump-probe experiments of Prof. Bo Renwick [5].",
     ("prospectiveAdvisor", "Bo Renwick"), False),
    ("Concretely I propose to compute widget contributions to the thermal Hall effect and to explore ultrafast "
     "widget dynamics, a direction inspired by the pump-probe experiments of Prof. Bo Renwick [5].",
     ("mentoredBy", "Bo Renwick"), False),
    # "under the direction of P" still names a supervisor
    ("I wrote my master's thesis under the direction of Prof. Bo Renwick at Quill University.",
     ("mentoredBy", "Bo Renwick"), True),
])
def test_hosts_cited_authors_and_directions(extractor, text, relation, expected):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + text))) is expected


def test_a_statement_written_in_part_in_the_third_person(extractor):
    from tests.test_pipeline_stages import _extract, _relations

    text = ("Jane Roe\n\nThis statement is written, in part, in the third person. The applicant, Jane Roe, completed a "
            "degree in Anthropology at the Universidad de los Andes (2016), where her undergraduate monograph on "
            "kinship terminology among Widget speakers in Bogotá was directed by Prof. Hernán Quillcedo Pinzón. It "
            "was Professor Quillcedo who suggested that she might be a linguist.\n\nThe thesis was directed by Dra. "
            "Lucía Widgetez Quintero, whose insistence on natural discourse has shaped everything the applicant has "
            "done since. Since 2021 she has been a field linguist with the Fundación Widgets de la Palabra.\n\n"
            "I would very much hope to work under the supervision of Dr. Ada Quillcombe at Quillfield University, "
            "because I want to study evidentiality.")
    relations = _relations(_extract(extractor, text))
    assert {("mentoredBy", "Hernán Quillcedo Pinzón"), ("mentoredBy", "Lucía Widgetez Quintero"),
            ("workedAt", "Fundación Widgets de la Palabra"), ("prospectiveAdvisor", "Ada Quillcombe")} <= relations


@pytest.mark.parametrize("passage, relation, present", [
    # a teacher named as the applicant's, and a person named by what they did for the applicant
    ("My teacher in analysis, Prof. Quillane, pushed me to treat those transcriptions as documents.",
     ("mentoredBy", "Quillane"), True),
    ("After my Master's I spent six months as an intern at the Widget Archive. The curator who supervised me, Mme "
     "Quillfort, let me work directly with the shellac discs.", ("mentoredBy", "Quillfort"), True),
    # a "never" in another clause (which the parse made the sentence's main one) denies nothing of P
    ("My supervisor, Dr. Widgeroud, has been extraordinarily generous in sharing his own contacts with older "
     "musicians, many of whom had never been recorded in a research context.", ("mentoredBy", "Widgeroud"), True),
    # … but the applicant's own "never" does
    ("I never worked under the supervision of Dr. Widgeroud at Quillfield University.", ("mentoredBy", "Widgeroud"), False),
    # a plural pronoun's wish goes to the faculty of the two sentences before
    ("Prof. Ada Quillmer's work on vapour-phase widgets addresses the problem that stops my materials. Dr. Bo "
     "Renwald's studies of widget defects are the kind of experiments I could not do at home. I would be very happy "
     "to be supervised by either of them.", ("prospectiveAdvisor", "Ada Quillmer"), True),
    ("Prof. Ada Quillmer's work on vapour-phase widgets addresses the problem that stops my materials. Dr. Bo "
     "Renwald's studies of widget defects are the kind of experiments I could not do at home. I would be very happy "
     "to be supervised by either of them.", ("prospectiveAdvisor", "Bo Renwald"), True),
    # "learn from him" after a name is a wish to work with him
    ("I have also read the studies by Dr. Cy Tammsuura on widget inclusion, and I would like to learn from him as a "
     "second supervisor.", ("prospectiveAdvisor", "Cy Tammsuura"), True),
    # a role denied in so many words
    ("Mr Dan Quillphail, a senior archivist at the Widget Records Office, taught me to read charter hands; he is a "
     "colleague, not a supervisor of academic work.", ("mentoredBy", "Dan Quillphail"), False),
    # a peer described after the name shares no mentor's role with the one named before
    ("My first article was written with Dr. Mahamat Quillahir and with Dr. Djasrabé Quillaba, a fellow officer at the "
     "centre. Dr. Quillahir has been my mentor throughout.", ("mentoredBy", "Djasrabé Quillaba"), False),
    # the guidance wished for is the one named before the wish
    ("I have read the work of Prof.ª Doutora Filipa Quillares Fontoura on dual-drainage modelling, and would like to "
     "write my dissertation under her supervision.", ("prospectiveAdvisor", "Filipa Quillares Fontoura"), True),
    # a label of two posts, the second a mentor's, and a Portuguese engineer's title
    ("- 2019–present — Drainage engineer, Widget Office, Quill Council. Line manager and mentor: Eng.ª Lurdes Quilltoe, "
     "head of the office.", ("mentoredBy", "Lurdes Quilltoe"), True),
    # "looks at" is no "look forward to"
    ("My MSc thesis, again with Prof. Dimitar Quillanoski, looks at widget refresh.",
     ("prospectiveAdvisor", "Dimitar Quillanoski"), False),
    # a later "not … them" that is about something else denies no wish
    ("I am also drawn to Dr. Tomasz Quillbicki's research on climate litigation; I would hope to learn from his "
     "empirical approach.\n\nMy grandfather died in 2021, a year before the sewin in the Widget were declared at risk. "
     "I do not expect a thesis to bring them back.", ("prospectiveAdvisor", "Tomasz Quillbicki"), True),
    # the role after the name and the body the person is of: past co-supervision, or the one of the post applied for
    ("I completed my PhD in 2021 at Quill University under the supervision of Prof. Ada Quillborne and with "
     "Dr. Lalao Widgetsoa of the Widget Polytechnic as co-supervisor.", ("mentoredBy", "Lalao Widgetsoa"), True),
    ("I am writing to apply for the PhD position at Quill University, to be carried out in your group at the Widget "
     "Institute with Dr. Sander Quillmeer of the Department of Widget Microbiology as co-promotor.",
     ("prospectiveAdvisor", "Sander Quillmeer"), True),
    ("I am writing to apply for the PhD position at Quill University, to be carried out in your group at the Widget "
     "Institute with Dr. Sander Quillmeer of the Department of Widget Microbiology as co-promotor.",
     ("mentoredBy", "Sander Quillmeer"), False),
    # guidance named through a post in apposition, the applicant's clause after it however parsed
    ("Since 2019 I have worked at the Republican Centre for Widget Control (RCWC) in Quilltown, the national body under "
     "the Ministry of Widgets of the Republic of Quillia (MoW) that runs the widget programme. Under the mentorship of "
     "the RCWC's deputy director, Dr. Farhod Quillmoilov, I rebuilt the case-based surveillance extract, linked it to "
     "laboratory records, and designed the cohort of returning migrants on which my publications are based.",
     ("mentoredBy", "Farhod Quillmoilov"), True),
])
def test_people_and_the_relation_a_passage_gives_them_or_not(extractor, passage, relation, present):
    assert (relation in _relations(_with_body(extractor, passage))) is present


def test_the_given_names_alone_sign_for_the_applicant(extractor):
    ext = _extract(extractor, "Applicant:     Ana-Maria Quillescu\nProgramme:     PhD in Widget Engineering\n\n"
                              "I am applying to the PhD programme in Widget Engineering at Quillfield University because I "
                              "want to study how widgets wear under load. At home everyone calls me Ana-Maria, and my "
                              "grandmother taught me to fix widgets.\n")
    assert "Ana-Maria" not in {m.label for m in ext.mentions if m.kind == "person"}


_RESUME = ("Jane Roe\njane@quill.example\n\nEDUCATION\n2023 - present   MSc in Widgetry\n"
           "                 Widget University\n                 Supervisor: Assoc. Prof. Ada Quillova\n\n"
           "RESEARCH EXPERIENCE\n2022 - present   Research assistant, Institute of General Widgetry\n"
           "                 Mentor: Dr. Bo Renneva\n\n"
           "I want to study widget chemistry at Quill University because I have done research for a long time in "
           "this area and would like to go on with it.\n")


def test_a_resumes_label_lines_name_mentors(extractor):
    relations = _relations(_extract(extractor, _RESUME))
    assert {("mentoredBy", "Ada Quillova"), ("mentoredBy", "Bo Renneva")} <= relations


def test_the_mentor_of_a_fellowship_applied_for_is_a_wished_advisor(extractor):
    text = ("CANDIDATE PROFILE\nPostdoctoral Research Fellowship in Widget Epidemiology\nQuill Veterinary College\n\n"
            "Candidate: Dr. Jane Roe, DVM, MSc, PhD\n\n"
            "Dr. Jane Roe is a veterinarian whose work concerns the surveillance of widget diseases in backyard farms. "
            "She is applying for the Postdoctoral Research Fellowship in Widget Epidemiology at the Quill Veterinary "
            "College, to be held in the Widget Health group under the mentorship of Dr. Ada Lockquill.\n")
    relations = _relations(_extract(extractor, text))
    assert ("prospectiveAdvisor", "Ada Lockquill") in relations and ("mentoredBy", "Ada Lockquill") not in relations
    # the programme is the fellowship, not a degree after the author's name
    assert {o for p, o in relations if p == "appliesToProgram"} == {"Postdoctoral Research Fellowship in Widget Epidemiology"}


def test_the_one_a_third_person_applicant_supervised_is_no_mentor(extractor):
    text = ("CANDIDATE PROFILE\n\nCandidate: Hnin Quill Phyu\n\nHnin Quill Phyu is a speech therapist from Quilltown. "
            "In 2022 she moved to Widgetay to join the Lotus Widget Centre, a non-governmental clinic, as senior therapist. "
            "There she has trained community health workers, supervised a fellow therapist, Zaw Min Htet, and piloted "
            "parent-delivered therapy sessions over video calls.\n")
    assert ("mentoredBy", "Zaw Min Htet") not in _relations(_extract(extractor, text))


def test_a_wish_to_work_under_his_supervision_goes_to_the_one_named_before(extractor):
    passage = ("Prof. Jean-Paul Quillblay's group works on probabilistic durability models for widgets exposed to salt. "
               "I would like to work under his supervision.")
    assert ("prospectiveAdvisor", "Jean-Paul Quillblay") in _relations(_with_body(extractor, passage))


def test_a_bracketed_reference_number_after_a_place_is_no_citation_of_the_names_before(extractor):
    passage = ("My MSc advisor, Dr. Diego Quillano Mora, encouraged me to work with radar, and my thesis combined widget "
               "imagery to detect selective logging in the forests of eastern Paraguay [2].")
    assert ("mentoredBy", "Diego Quillano Mora") in _relations(_with_body(extractor, passage))


def test_the_addressee_named_by_the_first_of_two_surnames(extractor):
    text = ("Jane Roe\nQuill Road 5, Quilltown\n\nProf. Dr. med. vet. Regula Widgeten-Schärli\nWidget Public Health "
            "Institute (WPHI)\nVetsuisse Faculty, University of Bern\nSchwarzenburgstrasse 155, Liebefeld\n\n"
            "Dear Professor Widgeten,\n\nPlease accept my application for the doctoral position advertised by your "
            "institute. I grew up among widget makers, and the question of why some widgets last has stayed with me.\n")
    relations = _relations(_extract(extractor, text))
    assert ("prospectiveAdvisor", "Regula Widgeten-Schärli") in relations
    assert {o for p, o in relations if p == "appliesTo"} == {"University of Bern"}


def test_proposed_supervisors_listed_under_their_label(extractor):
    text = ("Jane Roe\nProgramme: PhD in Law, Quill University\nProposed supervisors:\n"
            "  - Prof. Ada Quillborne (primary), Widget Law School\n"
            "  - Dr. Bo Renwick (secondary), Quill Centre for Widget Finance\n\n" + BODY)
    relations = _relations(_extract(extractor, text))
    assert {("prospectiveAdvisor", "Ada Quillborne"), ("prospectiveAdvisor", "Bo Renwick")} <= relations


def test_a_proposed_supervisor_line_in_the_header(extractor):
    text = ("Jane Roe\nApplying for: Doctoral Programme in Widgets, University of Quill\n"
            "Proposed supervisor: Univ.-Prof. Dr. Ada Quillborne, Department of Widget Studies\n\n" + BODY)
    relations = _relations(_extract(extractor, text))
    assert ("prospectiveAdvisor", "Ada Quillborne") in relations and ("mentoredBy", "Ada Quillborne") not in relations


def test_the_reader_of_a_past_thesis_is_no_mentor(extractor):
    relations = _relations(_with_body(extractor, "Bo Renwick of the Widget University kindly acted as external "
                                                 "reader of my thesis."))
    assert not {r for r in relations if r[1] == "Bo Renwick"}


@pytest.mark.parametrize("text, mentor", [
    # the role, then the name, in a statement written in the third person
    ("Jane Roe\njane.roe@quill.example\n\nMs. Roe is a nurse. She studied at Obilade University. From 2016 to 2020 she "
     "worked for Widget Health, an NGO. Her supervisor there, Comfort Gbeme Quillman, the organization's clinical lead, "
     "mentored her closely.\n\nShe is applying to the PhD at Quillfield University, where she hopes to study how "
     "widgets wear.\n", "Comfort Gbeme Quillman"),
    # a résumé line's label
    ("Jane Roe\n\n" + BODY + "\n\nEXPERIENCE\n- 2019–2023: Graduate engineer, Widget Power Station\n"
     "  - Line manager: Dr. Bo Quillman, Operations Manager\n", "Bo Quillman"),

])
def test_mentors_named_by_their_role(extractor, text, mentor):
    assert ("mentoredBy", mentor) in _relations(_extract(extractor, text))


@pytest.mark.parametrize("text, not_a_person", [
    ("My Master's thesis was carried out under the supervision of Dr. Ada Quill.", "My Master"),
])
def test_words_that_are_no_name(extractor, text, not_a_person):
    people = {m.label for m in _with_body(extractor, text).mentions if m.kind == "person"}
    assert not_a_person not in people


def test_a_neighbourhood_in_the_header_address_is_no_person(extractor):
    text = "Jane Roe\nQuartier Lambo, Franceville, Haut-Ogooué, Gabon\njane@quill.example\n\n" + BODY
    people = {m.label for m in _extract(extractor, text).mentions if m.kind == "person"}
    assert "Quartier Lambo" not in people and "Alan Smithee" in people


def test_a_resume_of_degrees_and_the_advisers_of_their_work(extractor):
    text = ("Jane Roe\nProgramme: PhD in Law, Quill University\n\nEDUCATION\n"
            "2014-2016  LLM in Widget Finance Law\n"
            "           Centre for Widget Law Studies (CWLS), Quill Mary University of London (QMUL)\n"
            "           Dissertation: enforceability of widget contracts in English courts\n"
            "           Supervisor: Dr. Rupert Quillfane\n"
            "2009-2013  LLB, College of Law, University of Bahrain (UOB)\n"
            "           Graduation project on the Bahraini Law of Commerce, advised by Dr. Amal Hasan Quillman\n"
            "2018       Certified Widget Adviser and Auditor (CWAA), Widget Board\n")
    ext = _extract(extractor, text)
    # a résumé line that opens with the applicant's own work; a qualification's role noun closes no name
    assert ("mentoredBy", "Amal Hasan Quillman") in _relations(ext)
    assert "Widget Adviser" not in {m.label for m in ext.mentions if m.kind == "person"}


def test_a_company_named_after_its_trade_is_no_person(extractor):
    ext = _with_body(extractor, "The mine is a joint venture of the state and a foreign partner, first Widget "
                                "Resources and, since 2019, Quillin Mining.")
    assert "Quillin Mining" not in {m.label for m in ext.mentions if m.kind == "person"}


@pytest.mark.parametrize("passage, relation", [
    # a résumé's label line, a post's acronym before the name
    ("\n\nEMPLOYMENT\n  2019-now    Senior Officer, Ministry of Widgets, Quilltown\n"
     "              - manager: ACEO Tuilagi Sefa Quillepe\n", ("mentoredBy", "Tuilagi Sefa Quillepe")),
    (" Assoc. Prof. Salote Quillfale has agreed in principle to be main supervisor.",
     ("prospectiveAdvisor", "Salote Quillfale")),
    # the thesis of the sentence before, named back by "It"
    (" My mémoire compared forty decisions of the land commission. It was supervised by Professor Ada Quill, who "
     "insisted on rigour.", ("mentoredBy", "Ada Quill")),
    # a French lawyer's title
    (" Maître Bo Renn, who coordinated the legal aid programme, taught me to read a land file from the back.",
     ("mentoredBy", "Bo Renn")),
    # the project of the sentence before, named back by "the project"
    (' My master\'s project, "Automatic widget recognition with less than ten hours of audio" (2021), was my first '
     "system. Youssef El Quillaoui, who supervised the project, showed me how far careful data collection can go.",
     ("mentoredBy", "Youssef El Quillaoui")),
    # a Portuguese title; a co-supervisor one would like "to act as" one, past the body and its acronym
    (" I would be honoured to write my dissertation under the supervision of Professora Helena Vasconcelos Quillito.",
     ("prospectiveAdvisor", "Helena Vasconcelos Quillito")),
    (" I would also very much like Dr. Tiago de Menezes Quill of the Instituto de História Widget (IHW) to act as "
     "co-supervisor.", ("prospectiveAdvisor", "Tiago de Menezes Quill")),
])
def test_round_44_people(extractor, passage, relation):
    assert relation in _relations(_with_body(extractor, passage))


def test_a_thesis_named_back_is_only_the_applicants_own(extractor):
    passage = " Her book compared forty decisions of the commission. It was supervised by Professor Ada Quill."
    assert ("mentoredBy", "Ada Quill") not in _relations(_with_body(extractor, passage))
