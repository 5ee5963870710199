"""Sections, applicant detection, relations and resolution on short statements we write."""
import pytest
import rdflib
from rdflib import RDF, RDFS

from sopgraph.model import APPLICANT, Document
from sopgraph.namespace import SG
from sopgraph.pipeline.sections import find_sections
from sopgraph.resolve import person_key, resolve, slugify


@pytest.mark.parametrize(
    "text, labels",
    [
        ("Jane Roe\njane@x.org\n\n" + "I study things. " * 20, ["HEADER", "BODY"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nSincerely,\n\nJane Roe", ["HEADER", "BODY", "SIGNATURE"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nReferences\n\n[1] A. B. Title. In ICML, 2020.",
         ["HEADER", "BODY", "REFERENCES"]),
        # a publication list in the middle of a letter: prose in one's own voice ends it
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nSelected publications\n- A. Roe. \"Widgets.\" Neuron, 2023.\n\n"
         + "Your paper in my field is why I write, and I hope to join your group to work on widgets with you. " * 2
         + "\n\nSincerely,\nJane Roe", ["HEADER", "BODY", "REFERENCES", "BODY", "SIGNATURE"]),
        # a heading of prose after the list ends it; a heading over more entries does not
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPublications and Presentations\n\n- Roe, J. (2023). Widget wear "
         "in cold rooms. Widget Journal, 4(2), 1-9.\n\nResearch Interests\n\n- widget ecology\n- gadget phenology",
         ["HEADER", "BODY", "REFERENCES", "BODY"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPUBLICATIONS\n1. Roe JP, Quill RM. 2023. Widget synchrony. "
         "Widget Journal 15(4): 1-9.\n\nWORK I BUILD ON\n- Renn M. 2016. Gadget behaviour. Widget Reefs 35: 611-623.",
         ["HEADER", "BODY", "REFERENCES"]),
        # an entry whose title has an "I" in it is no prose
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nSelected publications\n\n[1] J. Roe and A. Quill, \"Widgets.\" "
         "Widget Letters, 2022.\n\n[2] J. Roe, A. de Quill, and B. van den Renn, \"Operando spectroscopy reveals a transient "
         "Cu(I) intermediate in copper-doped widget thin films,\" Widget Energy Lett., vol. 8, pp. 1502-1510, 2023.",
         ["HEADER", "BODY", "REFERENCES"]),
        # a numbered heading of prose after the list ends it too
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\n4. RESEARCH OUTPUT\n- J. Roe. \"Widgets.\" Widget Bulletin, "
         "2023.\n\n5. WHY QUILL UNIVERSITY\n- Its widget group is strong.", ["HEADER", "BODY", "REFERENCES", "BODY"]),
        # prose in the third person ends a list too, and a heading of prose with "and" in it
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPublications\n\n- J. Roe. \"Widgets.\" Widget Bulletin, 2023."
         "\n\nHer first article, \"Widgets of the Front\", "
         "appeared in the Widget Journal in 2020 and received the society's early-career commendation for its use of "
         "the archives.\n\nCurrent and future research\n\nShe studies gears.", ["HEADER", "BODY", "REFERENCES", "BODY"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPUBLICATIONS\n- J. Roe. \"Widgets.\" Widget Bulletin, 2023."
         "\n\nCurrent and future research\n- gears", ["HEADER", "BODY", "REFERENCES", "BODY"]),
        # a second list after prose is a second reference section; a list of referees under "References" is none
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPUBLICATIONS\n- J. Roe. \"Widgets.\" Widget Bulletin, 2023."
         "\n\nRESEARCH INTERESTS\n- gears\n\nREFERENCES\nRoe, J. (2023) 'Widget wear', Widget Studies, 55(7), pp. 1-9.",
         ["HEADER", "BODY", "REFERENCES", "BODY", "REFERENCES"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\n## References\n- Prof. Ada Quill (Widget University): thesis "
         "advisor\n- Bo Renn (Quillco): former manager\n\nThank you for your time.", ["HEADER", "BODY"]),
        # a note without a paragraph of prose: the leading blocks of short lines are the header
        ("JANE ROE\njane@quill.org\n\nSTATEMENT OF PURPOSE\nMSc in Widgetry\nQuill University\n\nIN SHORT\n"
         "- six years of widget work.\n- I want to study gears.\n", ["HEADER", "BODY"]),
        # an e-mail wrapped into short lines: its paragraphs are prose; a closing in Spanish and a "--" signature
        ("From: Jane Roe\nSubject: Application\n\nDear committee,\n\nMy name is Jane Roe, I am a dentist from "
         "Quilltown,\nand I am applying to the Master in Widget Health\nat Quill University, because I want to "
         "study\nhow widgets wear in the mouths of children.\n\nQuick background:\n- DDS, 2016\n\nSaludos cordiales,"
         "\n\n--\nJane Roe, Od.\nDentist - Quill Clinic\nTel. +58 412 555 0193\njroe@quill.example\nQuilltown\n",
         ["HEADER", "BODY", "SIGNATURE"]),
        # a letterhead whose affiliation line is followed by an e-mail address is no paragraph
        ("RESEARCH STATEMENT\n\nJane Quill Roe\nApplication for the position of Assistant Professor in Widget Economics "
         "and Gear Logistics\nWidget School of Economics, Quill University Rotterdam (QUR)\njane.roe@quill.example | "
         "www.janeroe.example\n\n1. Overview\n\n" + "Body sentence here. " * 20, ["HEADER", "BODY"]),
        # footnotes after the signature are no part of it
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nYours sincerely,\n\nJane Roe\nDoctor of Law, Quill University\n"
         "jane@quill.example\n\n1 A grant of the Widget Agency, 2022-2023.\n2 An earlier version was presented at "
         "WIDGCON 2023 (Widget Privacy & Data Protection), Brussels.\n", ["HEADER", "BODY"]),
        # a block of short lines that are a list is no paragraph
        ("From: Jane Roe\n\nI am a dentist\nand a widget maker\nwith ten years of work\nin clinics and in labs\n"
         "and I like teeth and gears and all\nthe small machines of the mouth.\n", ["HEADER", "BODY"]),
        ("Jane Roe\n\n- a dentist in Quilltown\n- and a widget maker with ten years of work in clinics\n"
         "- and in labs, and I like teeth and gears and all of it\n", ["HEADER", "BODY"]),
        # "Other" over résumé lines ends the list; over more entries it does not
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPublications\n\n- J. Roe. \"Widgets.\" Widget Bulletin, 2023."
         "\n\nOther\n\nTeaching assistant, Introduction to Widgets, Quill University (2021–2023)\n",
         ["HEADER", "BODY", "REFERENCES", "BODY"]),
        ("Title\n\n" + "Body sentence here. " * 20 + "\n\nPublications\n\n- J. Roe. \"Widgets.\" Widget Bulletin, 2023."
         "\n\nOther\n\n- Roe, J. (2023). Widget wear in cold rooms. Widget Journal, 4(2), 1-9.\n",
         ["HEADER", "BODY", "REFERENCES"]),
        # a résumé's first heading ends the header of name and contact lines, and its publications, wrapped
        # over lines, are a list; referees under "References" are none
        ("Jane Roe\nul. Quilla 14, Quilltown\nE-mail: jane@quill.example\n\nEDUCATION\n2023 - present   MSc in "
         "Widgetry\n                 Widget University\n\nPUBLICATIONS AND PRESENTATIONS\n- J. Roe, B. Renn, \"Widget "
         "frames and\n  their quills\", Widget Journal 366 (2024) 112941.\n\nSTATEMENT\n\n" + "Body sentence here. " * 20
         + "\n\nREFERENCES\nAssoc. Prof. Ada Quill, Widget University\n", ["HEADER", "BODY", "REFERENCES", "BODY"]),
    ],
)
def test_find_sections(text, labels):
    assert [s.label for s in find_sections(text)] == labels


def _extract(extractor, text, name="doc.txt"):
    from pathlib import Path

    document = Document(path=Path(name), name=name, text=text)
    return next(extractor.extract_all([document]))  # as a build reads it: list items marked, text cleaned


BODY = ("I am applying to the PhD program at Stanford University because I want to work on robot learning. "
        "I completed my bachelor's degree at the University of Toronto, where I worked with Prof. Alan Smithee "
        "on tactile sensing. Last summer I interned at Google Research on manipulation policies. "
        "At Stanford, I would love to work with Prof. Grace Hopperton on reinforcement learning.")


def _with_body(extractor, passage):
    """A letter of ``passage`` after a neutral body naming a target, a university, a lab and advisors."""
    return _extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)


@pytest.mark.parametrize(
    "header, expected",
    [
        ("STATEMENT OF PURPOSE\n\nJane Q. Roe\n\n", "Jane Q. Roe"),
        ("Jane Roe - Statement of Purpose (PhD, Robotics)\n\n", "Jane Roe"),
        ("Name: Jane Roe\nApplying to: PhD in Robotics\n\n", "Jane Roe"),
        ("STATEMENT OF PURPOSE\n\nROBOT LEARNING FOR ALL\n\nJane Roe\n\n", "Jane Roe"),
        # the document's kind, then a colon and the name
        ("# Candidate Statement: Dr. Jane Quill-Roe\n\n", "Jane Quill-Roe"),
        # one long line of short parts set apart by middle dots
        ("Research Statement\n\nJane Roe · Applicant to the Ph.D. (Doctoral Course), Graduate School of Widget Science "
         "and Quill Technology, The University of Quillfield at Inkton · Widget Scholarship candidate\n\n", "Jane Roe"),
        # a labelled line outweighs a breadcrumb above it
        ("Prifysgol Quill | Quill University › School of Widget Sciences › Panel papers\n"
         "Candidate profile: Jane Marie-Claire Roe\n\n", "Jane Marie-Claire Roe"),
        # a particle joined to the surname by a hyphen; the name in another script after it
        ("RESEARCH STATEMENT\n\nDr. Zahraa Kadhim al-Quillasi (زهراء كاظم)\nLLB (Quilltown), LLM (Inkton)\n\n",
         "Zahraa Kadhim al-Quillasi"),
        # the surname first, in capitals, before a comma
        ("# ROE, Jane Ann — applicant profile\n\n", "Jane Ann Roe"),
    ],
)
def test_applicant_from_header(extractor, header, expected):
    ext = _extract(extractor, header + BODY)
    assert ext.applicant is not None and ext.applicant.name == expected


def test_a_closing_list_of_referees_names_no_applicant(extractor):
    text = ("Research statement\n\nThe applicant builds widget models. " + BODY + "\n\n## Referees\n\n"
            "- Prof. Ada Quillborne, Widget University\n- Dr. Bo Renwick, Quill Institute\n- Dr. Cy Tamm, Gear Agency\n")
    ext = _extract(extractor, text, name="doc.md")
    assert ext.applicant is None or ext.applicant.name not in ("Ada Quillborne", "Bo Renwick", "Cy Tamm")


@pytest.mark.parametrize("text, source", [
    ("Cover letter\n\n" + BODY + "\n\nSincerely,\n\nJane Roe", "signature"),
    # a name alone on the last line, with no closing word
    ("STATEMENT OF PURPOSE\n\n" + BODY + "\n\nThank you for considering my application.\n\nJane Roe", "last-line"),
    ("STATEMENT OF PURPOSE\nApplicant: Engr. Jane Roe\n\n" + BODY, "header"),
])
def test_applicant_from_signature_or_last_line(extractor, text, source):
    ext = _extract(extractor, text)
    assert ext.applicant.name == "Jane Roe" and ext.applicant.source == source


def _relations(ext):
    labels = {m.index: m.label for m in ext.mentions}
    return {(f.predicate, labels.get(f.object, f.object)) for f in ext.facts if f.subject == APPLICANT}


@pytest.mark.parametrize(
    "relation",
    [
        ("appliesTo", "Stanford University"),
        ("appliesToProgram", "PhD"),
        ("studiedAt", "University of Toronto"),
        ("workedAt", "Google Research"),
        ("mentoredBy", "Alan Smithee"),
        ("prospectiveAdvisor", "Grace Hopperton"),
    ],
)
def test_relations_from_cues(extractor, relation):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY)
    assert relation in _relations(ext)


def test_negation_blocks_mentor(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " I did not work with Prof. Kurt Vonneguth during that time.")
    assert any(m.label == "Kurt Vonneguth" for m in ext.mentions)
    rels = _relations(ext)
    assert not any(obj == "Kurt Vonneguth" for _, obj in rels)


def test_surname_mentions_merge_into_full_name(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " Prof. Hopperton's work on exploration inspires me.")
    people = [m for m in ext.mentions if m.kind == "person" and "Hopperton" in m.label]
    assert len(people) == 1 and people[0].label == "Grace Hopperton"


def test_resolution_merges_applicant_across_documents(extractor):
    a = _extract(extractor, "Jane Roe\n\n" + BODY, "a.txt")
    b = _extract(extractor, "Jane Q. Roe\n\n" + BODY, "b.txt")
    res = resolve([a, b])
    assert res.applicant_keys["a.txt"] == res.applicant_keys["b.txt"]


@pytest.mark.parametrize(
    "a, b, same",
    [("Ada Quill", "Ada B. Quill", True), ("Ada Quill", "Bo Quill", False)],
)
def test_person_keys(a, b, same):
    assert (person_key(a, "d1") == person_key(b, "d1")) is same


def test_bare_surname_key_stays_in_its_document():
    assert person_key("Quill", "d1") != person_key("Quill", "d2")


@pytest.mark.parametrize("text", ["Ünïcödé Nâme", "a/b?c#d", "", "x" * 300])
def test_slugs_are_iri_safe(text):
    slug = slugify(text)
    assert slug and len(slug) <= 100
    rdflib.URIRef("https://example.org/" + slug)
    assert all(c.isalnum() or c == "-" for c in slug)


def test_graph_types_and_labels(extractor):
    from sopgraph.graph import build_rdf

    ext = _extract(extractor, "Jane Roe\n\n" + BODY)
    g = build_rdf([ext], resolve([ext]))
    applicant = next(g.subjects(RDF.type, SG.Applicant))
    assert (applicant, RDF.type, SG.Person) in g
    assert str(g.value(applicant, RDFS.label)) == "Jane Roe"
    stanford = next(s for s in g.subjects(RDFS.label, rdflib.Literal("Stanford University")))
    assert (stanford, RDF.type, SG.University) in g and (applicant, SG.appliesTo, stanford) in g


@pytest.mark.parametrize(
    "sentence, venue",
    [
        ("Our paper on slow light was presented at PHOTONA 2024 last spring.", "PHOTONA"),
        ("This work appeared in the Journal of Imaginary Fluids last year.", "Journal of Imaginary Fluids"),
        ("It was accepted to the International Conference on Soft Widgets in May.", "International Conference on Soft Widgets"),
        ("She presented it at the 2024 Annual Conference on Widget Processing (WP).", "Annual Conference on Widget Processing"),
        # where a work appeared, after the year of an author-year citation
        ('It appeared as "Gadgets and the grammar of widgets" (Roe 2021, Widgetische Berichte).', "Widgetische Berichte"),
        ('This study (Roe, Quill & Renn 2023, Glossa Widgetica) is my best.', "Glossa Widgetica"),
        ("Your argument in Quill (2021, Widgets and Philosophy) is the one I test.", "Widgets and Philosophy"),
        # an ordinal edition and a first word the model calls an event
        ("We presented this work at the 18th World Conference on Widget Engineering in Milan in July 2024.",
         "World Conference on Widget Engineering"),
        # an edition number after a meeting's name
        ("I presented the first part at WIDG 32 and at Widget und Gadget 27.", "WIDG"),
        ("I presented the first part at WIDG 32 and at Widget und Gadget 27.", "Widget und Gadget"),
    ],
)
def test_unlisted_venues(extractor, sentence, venue):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)
    assert venue in {m.label for m in ext.mentions if m.kind == "venue"}


def test_a_workshop_named_after_its_host_is_its_own_venue(extractor):
    text = ("Jane Roe\n\n" + BODY + " We described it in a workshop paper:\n\n"
            '  J. Roe and A. Quill, "Self-Supervised Widget Estimation for Low-Cost Rovers," in IROS 2024 Workshop on '
            "Field Widgets for Farms, Abu Dhabi, UAE, Oct. 2024.\n\nIt was fun.")
    ext = _extract(extractor, text)
    labels = {m.index: m.label for m in ext.mentions}
    assert {labels[f.object] for f in ext.facts if f.predicate == "publishedIn"} == {"Workshop on Field Widgets for Farms"}
    assert "IROS" in {m.label for m in ext.mentions if m.kind == "venue"}


def test_a_workshop_after_its_hosts_workshops_is_its_own_venue(extractor):
    text = ("Jane Roe\n\n" + BODY + "\n\nPublications\n\n"
            "Roe, J., & Quill, A. (2023). Cross-season widget adaptation for crop mapping. In IEEE/CVF Conference on "
            "Computer Vision and Pattern Recognition Workshops (CVPRW), Widget-Vision Workshop.\n")
    ext = _extract(extractor, text)
    labels = {m.index: m.label for m in ext.mentions}
    assert {labels[f.object] for f in ext.facts if f.predicate == "publishedIn"} == {"Widget-Vision Workshop"}


@pytest.mark.parametrize("sentence", [
    "The result is in Roe (2021, Chapter 3), which I extend.",
    "I presented a poster at Widget University 2 weeks ago.",
    "I presented it at MIT 10 years after I started.",
])
def test_locators_hosts_and_counts_are_not_venues(extractor, sentence):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)
    assert not {m.label for m in ext.mentions if m.kind == "venue"}


def test_domain_named_company(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " Later I was a machine learning intern at Quillfeather.ai for six months.")
    assert ("workedAt", "Quillfeather.ai") in _relations(ext)


def test_study_sentence_when_parse_attaches_elsewhere(extractor):
    text = ("Jane Roe\n\nI am Jane Roe, currently in the final year of an integrated MSc in Physics (BSc + MSc course) "
            "from Rice University, Houston. " + BODY)
    assert ("studiedAt", "Rice University") in _relations(_extract(extractor, text))


@pytest.mark.parametrize(
    "sentence, name, relation",
    [
        ("In my second year I advised Tomas Brenner, a junior student, on his thesis.", "Tomas Brenner", None),
        ("A project co-advised by Prof. Ilse Varga would be the ideal next step.", "Ilse Varga", "prospectiveAdvisor"),
    ],
)
def test_mentees_and_hypothetical_advising(extractor, sentence, name, relation):
    rels = {(p, o) for p, o in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)) if o == name}
    assert rels == ({(relation, name)} if relation else set())


def _org_mentions(ext):
    return {m.label: m for m in ext.mentions if m.kind == "organization"}


@pytest.mark.parametrize(
    "sentence, country, expected",
    [
        # a name three countries share: the country the statement names picks the record
        ("Before that I studied at Lincoln University, the oldest agricultural college in New Zealand.",
         "New Zealand", "lincoln-university-nz"),
        ("Before that I studied at Lincoln University in Pennsylvania, United States.", "United States",
         "lincoln-university-us"),
    ],
)
def test_ambiguous_gazetteer_name_resolved_by_the_country_named(extractor, sentence, country, expected):
    orgs = _org_mentions(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))
    attributes = dict(orgs["Lincoln University"].attributes)
    assert (attributes.get("gazetteer"), attributes.get("country")) == (expected, country)


def test_ambiguous_gazetteer_name_without_a_country_is_not_guessed(extractor):
    orgs = _org_mentions(_extract(extractor, "Jane Roe\n\n" + BODY + " Before that I studied at Lincoln University."))
    assert "Lincoln University" in orgs and "gazetteer" not in dict(orgs["Lincoln University"].attributes)


@pytest.mark.parametrize(
    "sentence, org",
    [
        ("After graduating I joined the Instituto de Pesquisa Vale do Sereno as a research assistant.",
         "Instituto de Pesquisa Vale do Sereno"),
        ("For two years I worked at the Banco della Valtellina Orientale on credit risk models.",
         "Banco della Valtellina Orientale"),
    ],
)
def test_names_with_lowercase_particles_are_organisations(extractor, sentence, org):
    assert org in _org_mentions(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


def _papers(ext):
    labels = {m.index: m.label for m in ext.mentions}
    return {labels[f.object] for f in ext.facts if f.subject == APPLICANT and f.predicate == "authorOf"}


@pytest.mark.parametrize(
    "passage, claimed",
    [
        # the owner is in the sentence before the quote
        ("I spent a year modelling glacier calving fronts. This work was published as "
         "\"Calving Front Dynamics Under Warming Fjord Waters\" in a journal last year.", True),
        # "co-authored with" claims the paper without a pronoun
        ("The resulting paper, \"Soft Hinges for Origami Grippers at Small Scales,\" co-authored with "
         "Dr. Ilse Varga, was accepted to a workshop.", True),
        # the narrative's own work, named back with a demonstrative, and a title with an apostrophe
        ("Children watched short events while their gaze was recorded. This work appeared as "
         "\"Seen or heard? Markers guide children's attention to sources\" in a proceedings volume.", True),
        ("Listeners predicted switches only where allowed. The results, reported with Prof. Ilse Varga in "
         "\"Prediction without commitment in bilingual listeners\" (a journal, 2022), were replicated.", True),
        # someone else's paper, read by the applicant
        ("The paper by Lindgren and Moss, \"Calving Front Dynamics Under Warming Fjord Waters\", shaped my thinking.", False),
        # a quote with no paper word or publishing verb
        ("My advisor's motto, \"Measure Twice Before You Believe Once Anything,\" stays with me.", False),
        # a project still to come, named like a paper, is none; a paper of the project is one
        ("My next project, \"Quiet Widgets: Sound and Listening in Wartime Quillland\", extends my work into the war.", False),
        ("A first article from this project, \"Widget Curves and the Household as a Statistical Object\", appeared in "
         "the Widget Review in 2023.", True),
        # a thesis named by its title, in French quotes too
        ("My mémoire, *« La restitution des widgets aux rapatriés devant la commission »*, compared forty decisions.", True),
        # a title quoted further on in the thesis's sentence names something else
        ("My graduation thesis, supervised by Professor Ada Quill, compared breath lengths in recordings of the "
         "piece \"Shika no Widget Tone\" from three lineages.", False),
        # an author–year entry written inline, its title with a question mark
        ("With Prof. Ada Quill I studied how families share one phone: Roe, J. & Quill, A. (2021). \"Who holds the "
         "PIN? Shared phones and widget money in rural Quillland.\" *Proceedings of WIDCSIT 2021* (pp. 1-9).", True),
        # a body's name, a colon, then the article
        ("My data became my first article, written with Dr. Bo Renn, a fellow officer at the WIDQ: \"Seroprevalence "
         "of widget antibodies in camels of the Quill region\", Acta Widgetica, 2022.", True),
    ],
)
def test_quoted_titles_claimed_by_the_applicant(extractor, passage, claimed):
    papers = _papers(_extract(extractor, "Jane Roe\n\n" + BODY + " " + passage))
    assert bool(papers) is claimed


def test_your_group_at_x_is_the_place_applied_to(extractor):
    text = ("Jane Roe\n\nDear Dr. Smithee,\n\nI am writing to apply for the postdoctoral position advertised by "
            "your group at the University of Edinburgh. I completed my PhD at the University of Toronto in 2024.")
    rels = _relations(_extract(extractor, text))
    assert ("appliesTo", "University of Edinburgh") in rels
    assert ("workedAt", "University of Edinburgh") not in rels


@pytest.mark.parametrize("degree", ["M.Sc.", "B.A.", "master's degree"])
def test_finishing_a_degree_is_studying_not_applying(extractor, degree):
    text = ("Jane Roe\n\nI am applying to the PhD program at Stanford University. "
            f"I will complete my {degree} in Chemistry at the University of Edinburgh in June 2025.")
    rels = _relations(_extract(extractor, text))
    assert ("studiedAt", "University of Edinburgh") in rels
    assert ("appliesTo", "University of Edinburgh") not in rels


@pytest.mark.parametrize("owner, mentored", [("My master's", True), ("Another student's", False), ("The group's", False)])
def test_a_subject_the_applicant_owns_through_a_possessive_speaks_for_the_applicant(extractor, owner, mentored):
    text = (f"Jane Roe\n\n{owner} research is carried out at the Institute of Marine Studies under the supervision "
            "of Professor Aiko Tanabe.")
    assert (("mentoredBy", "Aiko Tanabe") in _relations(_extract(extractor, text))) is mentored


@pytest.mark.parametrize("sentence, org", [
    ("Jane Roe\n\nI am applying to the MPP program at the Harvard Kennedy School of Public Policy and Governance.",
     "Harvard Kennedy School of Public Policy and Governance"),
    ("Jane Roe\n\nI studied at the Stanford Graduate School of Business for two years.",
     "Stanford Graduate School of Business"),
])
def test_a_known_name_extended_through_a_units_of_phrase(extractor, sentence, org):
    assert org in _org_mentions(_extract(extractor, sentence))


@pytest.mark.parametrize("later, target", [
    (" Harvard University also has the libraries I need.", "Harvard University"),
    ("", "Harvard Kennedy School of Public Policy"),
])
def test_a_school_is_the_target_unless_its_university_is_named_too(extractor, later, target):
    text = ("Jane Roe\n\nI am applying to the MPP program at the Harvard Kennedy School of Public Policy "
            "because I want to study housing markets." + later)
    assert {o for p, o in _relations(_extract(extractor, text)) if p == "appliesTo"} == {target}


@pytest.mark.parametrize("sentence, orgs", [
    ("I was a research assistant in the School of Mathematics and Institute of Marine Studies.",
     {"School of Mathematics", "Institute of Marine Studies"}),
    ("I joined the Centre for Ocean Studies and Department of Chemistry in 2021.",
     {"Centre for Ocean Studies", "Department of Chemistry"}),
    ("I was a teaching assistant in the School of Computing and Graduate School of AI at my university.",
     {"School of Computing", "Graduate School of AI"}),
    ("I studied in the Department of Quantum & Nanoscience for a year.", {"Department of Quantum & Nanoscience"}),
])
def test_coordinated_units_are_separate_organisations(extractor, sentence, orgs):
    found = set(_org_mentions(_extract(extractor, "Jane Roe\n\n" + sentence)))
    assert orgs <= found and not any(" and Department" in o or " and Institute" in o for o in found)


def test_a_name_with_and_before_its_head_is_not_split(extractor):
    found = set(_org_mentions(_extract(extractor, "Jane Roe\n\nI interned at the Research and Development Center in 2021.")))
    assert "Research and Development Center" in found and "Research" not in found


LETTER = ("Jane Roe\nRoad 1, Springfield\n\n3 March 2025\n\nProf. Dr. Ilse Varga\nCentre for Neural Circuits\n"
          "University of Edinburgh\nOld College, South Bridge\n\nDear Prof. Varga,\n\n"
          "I am writing to apply for the postdoctoral position in your group. ")


@pytest.mark.parametrize("body, studied", [
    ("I completed my PhD in Neurobiology at the Institute of Experimental Widgets, Polish Academy of Sciences, in 2024.",
     {"Institute of Experimental Widgets"}),
    ("I obtained my MSc at the University of Toronto.", {"University of Toronto"}),
    ("I did my thesis experiments at the Institute of Experimental Widgets.", set()),
])
def test_letters_target_the_recipient_and_degrees_earned_at_institutes(extractor, body, studied):
    rels = _relations(_extract(extractor, LETTER + body + "\n\nSincerely,\nJane Roe"))
    assert {o for p, o in rels if p == "appliesTo"} == {"University of Edinburgh"}
    assert {o for p, o in rels if p == "studiedAt"} == studied


def test_a_meeting_is_a_venue_not_an_organisation(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " I presented this work at the Joint Widget Meetings in 2023.")
    assert "Joint Widget Meetings" in {m.label for m in ext.mentions if m.kind == "venue"}
    assert "Joint Widget Meetings" not in _org_mentions(ext)


def test_a_double_quoted_title_keeps_its_apostrophes(extractor):
    papers = _papers(_extract(extractor, "Jane Roe\n\n" + BODY + " Our paper \"Why Widgets Fail: A Maker's Guide to Folding\" "
                                         "appeared at a workshop in 2023."))
    assert papers == {"Why Widgets Fail: A Maker's Guide to Folding"}


@pytest.mark.parametrize("sentence, person", [
    ("My mentor there, Đỗ Thanh Linh, had me build an internal tool.", "Đỗ Thanh Linh"),
    ("I had planned a summer project with Prof. Park Ji-won in 2023.", "Park Ji-won"),
    ("Dr. Reyes-Hoffman taught my first statistics course.", "Reyes-Hoffman"),
])
def test_names_the_model_cuts_short(extractor, sentence, person):
    people = {m.label for m in _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence).mentions if m.kind == "person"}
    assert person in people


@pytest.mark.parametrize("sentence, cited", [
    ("The result builds on earlier evidence by Farrow and Idowu on risk sharing.", {"Farrow", "Idowu"}),
    ("Building on the framework in Calderón and Ibarra (2019), we exploited the staggered rollout.", {"Calderón", "Ibarra"}),
    ("I am a fluent speaker of French and English and read some Dutch.", set()),
    ("I grew up between farms of Kenya and Uganda before moving to study.", set()),
])
def test_surname_pairs_cited_in_running_text(extractor, sentence, cited):
    people = {m.label for m in _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence).mentions if m.kind == "person"}
    assert people - {"Alan Smithee", "Grace Hopperton"} == cited


@pytest.mark.parametrize("sentence, worked", [
    ("I have learned a great deal from the work of Prof. Ilse Varga at the University of Edinburgh on cash transfers.", False),
    ("I spent three months in the lab of Dr. Ilse Varga at the University of Edinburgh, where I learned electrophysiology.", True),
])
def test_someone_elses_work_at_an_organisation_is_not_employment(extractor, sentence, worked):
    rels = _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))
    assert (("workedAt", "University of Edinburgh") in rels) is worked


@pytest.mark.parametrize("sentence, org", [
    ("After graduation I was an intern in the Research Department of the Central Bank of Widgetland for a year.",
     "Central Bank of Widgetland"),
    ("I was an intern in the Department of the Interior for a year.", "Department of the Interior"),
    ("I was a nutrition officer at the Widget District Health Directorate of the Quill Health Service.",
     "Quill Health Service"),
])
def test_a_unit_of_a_named_organisation_is_that_organisation(extractor, sentence, org):
    assert org in _org_mentions(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


@pytest.mark.parametrize("sentence, org", [
    # "Ministry of X, Y and Z": a list of portfolios inside one name
    ("Our firm was contracted by the Ministry of Widgets, Urbanization and Gadget Change.",
     "Ministry of Widgets, Urbanization and Gadget Change"),
    ("I was an assistant in the Department of Electrical, Electronic and Widget Engineering.",
     "Department of Electrical, Electronic and Widget Engineering"),
    ("I volunteered with the Ghana Institute of Widgets, Literacy and Gadget Translation in Tamale.",
     "Ghana Institute of Widgets, Literacy and Gadget Translation"),
    # places after the comma are not more of the name
    ("I met officials of the Ministry of Health, Nairobi and Kisumu offices.", "Ministry of Health"),
])
def test_names_that_list_portfolios(extractor, sentence, org):
    assert org in _org_mentions(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


@pytest.mark.parametrize("sentence, relation", [
    ("I finished my BEng in Computer Science at the University of Toronto in 2023.", ("studiedAt", "University of Toronto")),
    ("In my third year I started doing research in the BK Widget Lab with a postdoc.", ("workedAt", "BK Widget Lab")),
])
def test_more_degree_names_and_acronym_led_lab_names(extractor, sentence, relation):
    assert relation in _relations(_extract(extractor, "Jane Roe\n\n" + sentence))


def test_a_place_denied_later_in_the_sentence_is_not_a_relation(extractor):
    text = ("Jane Roe\n\n" + BODY + " I was accepted to a summer research program at the University of Edinburgh, "
            "but the program was cancelled, so I never actually worked there.")
    assert not any(o == "University of Edinburgh" for _, o in _relations(_extract(extractor, text)))


@pytest.mark.parametrize("passage, name, relation", [
    ("For my thesis I joined the Electrochemical Widget Laboratory led by Prof. Ilse Varga in 2022.", "Ilse Varga", "mentoredBy"),
    ("Our follow-up study on widget interfaces, led by Dr. Ilse Varga, is now published.", "Ilse Varga", None),
    ("My dissertation, supervised by Prof. Ilse Varga, used survey data.", "Ilse Varga", "mentoredBy"),
    ("In 2023 I visited the lab of Dr. Ilse Varga at a hospital, where, under his guidance, I learned surgery.",
     "Ilse Varga", "mentoredBy"),
    ("I would welcome the chance to continue my collaboration with Dr. Ilse Varga on widgets.", "Ilse Varga", None),
])
def test_leaders_guides_and_ongoing_collaborators(extractor, passage, name, relation):
    rels = {p for p, o in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)) if o == name}
    assert rels == ({relation} if relation else set())


def test_a_group_denied_in_the_next_sentence_is_not_where_one_worked(extractor):
    text = ("Jane Roe\n\n" + BODY + " My paradigm was adapted from materials released by Prof. Ilse Varga's group at the "
            "University of Edinburgh. Although I did not work directly with that group, I have shared my materials.")
    assert not any(o == "University of Edinburgh" for _, o in _relations(_extract(extractor, text)))


@pytest.mark.parametrize("sentence, org", [
    ("He used survey data from the Widgetland National Bureau of Statistics to estimate costs.",
     "Widgetland National Bureau of Statistics"),
    ("After the degree I plan to work within the National Treasury on budgets.", "National Treasury"),
    ("I completed my PhD at the Nencki Institute of Experimental Biology, Polish Academy of Sciences.",
     "Polish Academy of Sciences"),
    # names run to their end: an acronym's defined long form, "… Bank of <place>", Romance particles
    ("I completed my Bachelor of Science at the University of Widgets and Technology (UWT), Lahore in 2016.",
     "University of Widgets and Technology"),
    ("I spent summer 2023 as a dissertation fellow at the Federal Widget Bank of Boston.", "Federal Widget Bank of Boston"),
    ("I am designing a survey with the Centro de Investigación en Widgets, which runs a monthly survey.",
     "Centro de Investigación en Widgets"),
    ("I worked at the Laboratoire de Widgets d'Orsay under the supervision of Prof. Ada Quill.",
     "Laboratoire de Widgets d'Orsay"),
])
def test_public_bodies_and_nationally_named_academies(extractor, sentence, org):
    assert org in _org_mentions(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


def test_an_acronym_may_leave_out_a_patrons_name(extractor):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " I hold a research position at the Leibniz-Zentrum "
                   "Allgemeine Widgetwissenschaft (ZAW) in Berlin. At ZAW I built a corpus.")
    assert "Leibniz-Zentrum Allgemeine Widgetwissenschaft" in _org_mentions(ext) and "ZAW" not in _org_mentions(ext)


def test_resume_lines_name_employers_and_briefs(extractor):
    text = ("Jane Roe\nWidget School of Public Policy, The Widget National University\n\n" + BODY + "\n\n"
            "- Intern, Badan Pusat Widget (BPW – Widgets Indonesia), Jakarta, February–July 2020.\n"
            '- Co-authored the policy brief "Beyond the Widget Bowl: Protecting Poor Households from Gadget Spikes" '
            "(2022).\n")
    ext = _extract(extractor, text)
    assert ("workedAt", "Badan Pusat Widget") in _relations(ext)
    assert "Beyond the Widget Bowl: Protecting Poor Households from Gadget Spikes" in _papers(ext)
    assert "Widget School of Public Policy" in _org_mentions(ext)


def test_a_letter_to_a_committee_applies_to_the_organisation_below_it(extractor):
    text = ("Jane Roe\njane@example.org\n\nHiring Committee\nInternational Widget Improvement Center (IWIC)\n"
            "P.O. Box 1041\nNairobi, Kenya\n\nDear Hiring Committee,\n\nI am writing to apply for the position of "
            "Research Associate. I have worked on widgets for six years.")
    assert ("appliesTo", "International Widget Improvement Center") in _relations(_extract(extractor, text))


def test_a_resume_line_of_an_exchange_student_is_study(extractor):
    text = ("Jane Roe\n\n" + BODY + "\n\n(3) Exchange research student, Institute for Widget Research, Tohoku "
            "University, Sendai, Japan (October 2021 – March 2022), funded by a joint exchange program.\n")
    assert ("studiedAt", "Tohoku University") in _relations(_extract(extractor, text))


def test_a_university_on_its_header_line_with_one_of_its_units_is_the_target(extractor):
    text = ("Jane Roe\nStatement of Purpose – PhD in Pharmacology\nUniversity of Bergen, Widget Institute of Pharmacy "
            "and Biomedical Sciences\n\nI want to study widgets. I hope to pursue a PhD at the Widget Institute of "
            "Pharmacy and Biomedical Sciences.")
    rels = _relations(_extract(extractor, text))
    assert {o for p, o in rels if p == "appliesTo"} == {"University of Bergen"}


def test_the_applicants_name_in_another_order_is_the_applicant(extractor):
    text = ("Statement of Purpose\nKhoa Minh Tran (Trần Minh Khoa)\nPhD in Computer Science, University of Washington\n\n"
            + BODY)
    ext = _extract(extractor, text)
    people = {m.label for m in ext.mentions if m.kind == "person"}
    assert ext.applicant.name == "Khoa Minh Tran" and "Trần Minh Khoa" not in people


@pytest.mark.parametrize("passage, name, relation", [
    ("My honors thesis, advised by Prof. Ilse Varga of the Classics department, asked whether the scholia "
     "could be separated into strata.", "Ilse Varga", "mentoredBy"),
    ("I interned at a lab under the mentorship of Dr. Ilse Varga. I also noticed that Dr. Ilse Varga has collaborated "
     "with Prof. Grace Hopperton before, but my interest in her work is my own.", "Ilse Varga", "mentoredBy"),
])
def test_past_advisors_are_not_mistaken_for_wishes(extractor, passage, name, relation):
    rels = {p for p, o in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)) if o == name}
    assert rels == {relation}


@pytest.mark.parametrize("passage, mentored", [
    ("My referees are Dr. Alan Smithee and my internship supervisor at Google, Tomas Brenner.", True),
    ("My mentor there, Tomas Brenner, had me build an internal tool.", True),
    ("My favourite author, Tomas Brenner, writes about widgets.", False),
    # a manager or a head named right after the role
    ("At the bank, my manager Tomas Brenner let me own the stress-testing model.", True),
    ("My head of department, Dr. Tomas Brenner, asked me to lead the audit.", True),
    ("My technical director, Dr. Tomas Brenner, reviewed every one of my calculations.", True),
    ("Since 2020 I have been an engineer at Google. My supervisor there, Eng. Tomas Brenner, trusted me.", True),
    # every name of a list after the role, hyphenated given names and a parse that joins them oddly included
    ("I am deeply grateful to my advisors, Ada Quill, Bo Renn and Tomas Brenner, for their guidance.", True),
    ("I am fortunate to have learned both approaches from my advisors, Ada Quill and Tomas Brenner, and I thank them.",
     True),
    # the head of a group the applicant was in, however the group is written
    ("I then became a research assistant in the Widget Behaviour Research Group there, led by Dr. Tomas Brenner.", True),
    ("During my master's at Zhejiang University I was a member of Prof. Tomas Brenner's group.", True),
    ("Back at the university, I did my final-year project on widget kinetics with Professor Tomas Brenner.", True),
    ("Under the guidance of Prof. Tomas Brenner, who supervised both my B.Tech. project and my M.Tech. thesis, "
     "I studied widgets.", True),
    ("Working with Dra. Tomas Brenner of the Universidad de Chile, I quantified widget deficits.", True),
    ("My group leader Tomas Brenner let me run the widget survey.", True),
    ("My manager suggested that I read the book by Tomas Brenner on widgets.", False),
    # the head of the lab the applicant worked in; not someone else's lab, not a wish
    ("From 2021 to 2022 I worked in the laboratory of Dr. Tomas Brenner at the Widget Institute, first as an intern.",
     True),
    ("In summer 2020 I completed a three-month internship in the group of Prof. Tomas Brenner at Widget University.",
     True),
    ("I read a paper from the laboratory of Dr. Tomas Brenner on widgets.", False),
    ("I would love to work in the laboratory of Dr. Tomas Brenner at Stanford.", False),
])
def test_a_name_after_my_supervisor_is_a_mentor(extractor, passage, mentored):
    rels = _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + passage))
    assert (("mentoredBy", "Tomas Brenner") in rels) is mentored


@pytest.mark.parametrize("passage, venue", [
    ("This work became my first article, \"Seasonal foraging of marsh voles under flood regimes,\" "
     "published in Vole Ecology Letters in 2022.", "Vole Ecology Letters"),
    ("This work was published as \"Porous widgets that capture carbon in humid air\" in J. Widg. Sci. A (2023), "
     "and it taught me patience.", "J. Widg. Sci. A"),
    ("My follow-up paper, \"Learning widget stiffness from joint torques alone,\" is currently under review at "
     "Widget Robotics Letters.", "Widget Robotics Letters"),
    ("My paper \"Hearing the source: evidential marking in children\" appeared in the Proceedings of the "
     "Annual Conference on Widget Processing.", "Proceedings of the Annual Conference on Widget Processing"),
])
def test_the_venue_named_after_a_claimed_title(extractor, passage, venue):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)
    labels = {m.index: m.label for m in ext.mentions}
    published_in = {labels[f.object] for f in ext.facts if f.predicate == "publishedIn"}
    # one node for the venue (a venue a pattern found there is reused), and no venue for a paper under review
    assert {m.label for m in ext.mentions if m.kind == "venue"} == {venue}
    assert published_in == (set() if "under review" in passage else {venue})


def test_a_sentence_after_the_title_is_not_part_of_the_venue(extractor):
    passage = "This work appeared as \"Seasonal foraging of marsh voles under flood regimes\" in Voles. The Dean liked it."
    venues = {m.label for m in _extract(extractor, "Jane Roe\n\n" + BODY + " " + passage).mentions if m.kind == "venue"}
    assert "Voles" in venues and not any("Dean" in v for v in venues)


def test_a_named_meeting_keeps_its_whole_name(extractor):
    passage = "I presented a poster on this work at the 41st Northern Widget Society Winter Meeting in Oslo."
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)
    assert "Northern Widget Society Winter Meeting" in {m.label for m in ext.mentions if m.kind == "venue"}


@pytest.mark.parametrize("field", ["Programme applied to:", "- **Position applied for:**", "Application:"])
def test_a_field_line_naming_what_is_applied_to(extractor, field):
    text = f"# Personal Statement\n\n- **Name:** Jane Roe\n{field} MSc Widget Science, University of Edinburgh\n\n" + BODY
    assert ("appliesTo", "University of Edinburgh") in _relations(_extract(extractor, text))


@pytest.mark.parametrize("sentence, relation", [
    ("For my M.Sc. in Wetland Ecology at the University of Edinburgh, I worked under a postdoc on otters.",
     ("studiedAt", "University of Edinburgh")),
    ("In 2023 I received a travel fellowship for a research internship at the University of Bergen, in a widget group.",
     ("workedAt", "University of Bergen")),
])
def test_a_degree_or_an_internship_at_a_university(extractor, sentence, relation):
    rels = _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))
    other = "workedAt" if relation[0] == "studiedAt" else "studiedAt"
    assert relation in rels and (other, relation[1]) not in rels


@pytest.mark.parametrize("sentence", [
    "We collaborate closely with engineers at Widgetron on field deployments.",
    "I presented the results at Widgetron's annual user forum.",
])
def test_collaborating_or_presenting_at_a_company_is_not_employment(extractor, sentence):
    rels = _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))
    assert not any(p == "workedAt" and "Widgetron" in o for p, o in rels)


@pytest.mark.parametrize("sentence, org, worked", [
    # the parse hangs "at X" on the verb, not on the role
    ("After my degree I started as a Machine Learning Engineer and later moved to a consultant role at the "
     "startup Quorvia Labs.", "Quorvia Labs", True),
    # the organisation names whose leaderboard or grant it is, not a workplace
    ("Our team worked for months and reached second place on the Google Public Leaderboard.", "Google", False),
    # ... or whose challenge it is, a few words before the noun it modifies
    ("In 2023 my team won 2nd place at the Google International Widget Apps Challenge with a wildfire dashboard.",
     "Google", False),
])
def test_job_roles_and_things_an_organisation_owns(extractor, sentence, org, worked):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)
    assert org in _org_mentions(ext)
    assert (("workedAt", org) in _relations(ext)) is worked


@pytest.mark.parametrize("sentence, worked", [
    ("During my internship at **QXLAB**, **Lyon**, I worked with the imaging group on wavelet networks.", True),
    ("I spent a summer internship at NRVQ in Lyon building wavelet networks.", True),
    ("I read the survey published by NRVQ on wavelet networks.", False),
])
def test_an_acronym_where_one_interned_is_an_organisation(extractor, sentence, worked):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)
    acronym = "QXLAB" if "QXLAB" in sentence else "NRVQ"
    assert (acronym in _org_mentions(ext)) is worked
    assert (("workedAt", acronym) in _relations(ext)) is worked


def _people(ext):
    return {m.label for m in ext.mentions if m.kind == "person"}


def test_a_plural_title_types_every_name_it_lists(extractor):
    sentence = "I would be excited to work with Professors Okonkwo, Brandtmeier, and Lindqvist on channel estimation."
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)
    assert {("prospectiveAdvisor", n) for n in ("Okonkwo", "Brandtmeier", "Lindqvist")} <= _relations(ext)


@pytest.mark.parametrize("sentence, cited", [
    ("Following Brandtmeier et al. (2017), I fine-tuned a small model.", {"Brandtmeier"}),
    ("The analysis of Okonkwo and Lindqvist (2020) guided my evaluation.", {"Okonkwo", "Lindqvist"}),
    ("As shown by Brandtmeier et al. [12], pretraining helps.", {"Brandtmeier"}),
    # a capitalised word before a year is not a person by that alone
    ("The Widgetnet (2009) benchmark is old.", set()),
])
def test_narrative_citations_name_people_who_are_not_advisors(extractor, sentence, cited):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence + " I would love to work on this at Stanford.")
    assert _people(ext) - {"Alan Smithee", "Grace Hopperton"} == cited
    assert not {o for p, o in _relations(ext) if p in ("prospectiveAdvisor", "mentoredBy")} & cited


def test_a_letterhead_line_names_the_place_applied_to(extractor):
    text = ("Jane Roe\nWidget University\njane@example.org\n\nProf. Dr. Ilse Varga\n"
            "Max Widget Institute for the Physics of Complex Gadgets\nGadgetstrasse 38\n01187 Dresden, Germany\n\n"
            "Dear Prof. Varga,\n\nI am writing to apply for the postdoctoral position in your group. "
            "I will defend my PhD thesis at WIDGA in February 2025, under the supervision of Prof. Tomas Brenner.\n\n"
            "Best regards,\nJane Roe")
    rels = _relations(_extract(extractor, text))
    assert ("appliesTo", "Max Widget Institute for the Physics of Complex Gadgets") in rels
    # a degree being finished, and its supervisor: not a destination, not a wish
    assert {("studiedAt", "WIDGA"), ("mentoredBy", "Tomas Brenner")} <= rels
    assert ("appliesTo", "WIDGA") not in rels and ("prospectiveAdvisor", "Tomas Brenner") not in rels


@pytest.mark.parametrize("sentence, relation", [
    ("In my final year I joined the Wireless Widget Lab led by Professor Dong-wook Kimura, where I built radios.",
     ("mentoredBy", "Dong-wook Kimura")),
    ("I returned to Widget University in 2019 to finish my B.S. in electrical engineering.",
     ("studiedAt", "Widget University")),
    ("For two years I studied economics at ITQM in Mexico City.", ("studiedAt", "ITQM")),
])
def test_names_degrees_and_acronyms_the_parse_cuts(extractor, sentence, relation):
    assert relation in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


@pytest.mark.parametrize("sentence", [
    "I learned Monte Carlo methods and later used Kalman filters.",
    "Please write to me at Via Bonomea 265 or at Gadgetstrasse 38.",
])
def test_eponymous_methods_and_streets_are_not_people(extractor, sentence):
    assert _people(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)) == {"Alan Smithee", "Grace Hopperton"}


def test_a_reference_author_keeps_the_form_the_list_wrote(extractor):
    text = ("Jane Roe\n\n" + BODY + " My first paper is listed below.\n\nReferences\n\n"
            "1. Roe J, Varga IM, Brenner T. Widget signalling in tertiary lymphoid structures. J Widg Res. "
            "2023;12(4):101-9.\n")
    ext = _extract(extractor, text)
    varga = next(m for m in ext.mentions if m.kind == "person" and m.label == "I. M. Varga")
    assert "Varga IM" in varga.aliases


def test_the_leader_of_my_team_is_a_mentor(extractor):
    sentence = "After graduating I joined Widgetron as an engineer. My team, led by Dr. Ilse Varga, worked on radios."
    assert ("mentoredBy", "Ilse Varga") in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


@pytest.mark.parametrize("passage, venue", [
    # a bracketed journal citation right after the quote marks the title as the applicant's paper
    ('In "Measurement-induced widget transitions in long-range chains" [Phys. Widg. Lett. 131, 220402 (2023)] '
     "we showed that the phase disappears.", "Phys. Widg. Lett."),
    # an author-year citation after a quoted title names authors, not a venue
    ('Our paper "Robust widgets under many perturbations at once" (Okafor et al., 2020) was my first.', None),
])
def test_a_citation_after_a_quoted_title(extractor, passage, venue):
    ext = _extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)
    labels = {m.index: m.label for m in ext.mentions}
    assert _papers(ext)
    assert {labels[f.object] for f in ext.facts if f.predicate == "publishedIn"} == ({venue} if venue else set())


@pytest.mark.parametrize("passage, relation", [
    # the participle hangs inside the quoted title; the thesis it describes is the applicant's
    ('The result was my honors thesis, "Widget Whalers: Labor and Race in a Port Town, 1870-1910," advised by '
     "Professor Ilse Varga, which received high honors.", "mentoredBy"),
    # a course's teacher is neither a wish nor an advisor, even in a sentence about hopes
    ('A seminar taught by Professor Ilse Varga, "Atlantic Widgets," introduced me to the field I hope to enter.', None),
])
def test_thesis_advisors_and_course_teachers(extractor, passage, relation):
    rels = {p for p, o in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + passage)) if o == "Ilse Varga"}
    assert rels == ({relation} if relation else set())



def test_inline_author_lists_and_the_applicants_middle_name(extractor):
    text = ("Jane Kerstin Roe\n\n" + BODY + ' This became a preprint, "Widget codes in mouse cortex" '
            "(Roe J., Berisha A., Varga M.; bioRxiv, 2023). Kerstin Roe is how my colleagues know me.")
    ext = _extract(extractor, text)
    assert {"A. Berisha", "M. Varga"} <= _people(ext) and not _people(ext) & {"Roe J.", "Kerstin Roe", "Berisha A."}


def test_course_names_are_not_people(extractor):
    sentence = "I took Advanced Hydraulic Modelling and Urban Hydrology in my final year."
    assert _people(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence)) == {"Alan Smithee", "Grace Hopperton"}


@pytest.mark.parametrize("sentence, relation, present", [
    # what the applicant did at X, said in a "where" clause on X (or on its acronym)
    ("That curiosity took me to Widget University of Science and Technology (WUST), where I completed my BSc in 2022.",
     ("studiedAt", "Widget University of Science and Technology"), True),
    ("A recruiter brought me to Quorvia Labs, where I worked on fraud models for two years.",
     ("workedAt", "Quorvia Labs"), True),
    # a student club, and the university it is at, are not employers
    ("In my final year I was the Lead of the Widget Developer Student Club at the University of Bergen.",
     ("workedAt", "Widget Developer Student Club"), False),
    ("In my final year I was the Lead of the Widget Developer Student Club at the University of Bergen.",
     ("workedAt", "University of Bergen"), False),
    # a course watched online is not studying at the university that recorded it
    ("In my third year I watched the recorded lectures of a course from the University of Bergen on YouTube.",
     ("studiedAt", "University of Bergen"), False),
])
def test_where_clauses_clubs_and_online_courses(extractor, sentence, relation, present):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))) is present


@pytest.mark.parametrize("sentence, relation, present", [
    # "online" far from the university says nothing about how one studied there
    ("During my PhD at the University of Bergen, I learned that online widget forums rarely fail for lack of facts.",
     ("studiedAt", "University of Bergen"), True),
    # a post held at X is work there, even when the main verb is "study"
    ("As a postdoc at the University of Bergen, I have been studying how widgets age.",
     ("workedAt", "University of Bergen"), True),
    ("As a postdoc at the University of Bergen, I have been studying how widgets age.",
     ("studiedAt", "University of Bergen"), False),
    ("We collaborate closely with engineers at Google on widget deployments.", ("workedAt", "Google"), False),
    # the statement's own work, done somewhere, in the passive
    ("Part of this work was done during a research internship at Google.", ("workedAt", "Google"), True),
    ("The survey was conducted at Google by the ministry.", ("workedAt", "Google"), False),
    # someone the applicant calls "my …" is someone else; "my internship" is the applicant's
    ("My sister worked at Google for ten years.", ("workedAt", "Google"), False),
    ("My friend did a research internship at Google.", ("workedAt", "Google"), False),
    ("My internship was at Google.", ("workedAt", "Google"), True),
    # "X (Pvt.) Ltd." is X; the bare "Ltd." is no organisation, and X named again is no person
    ("In 2023 I interned at Zentrix Robotics (Pvt.) Ltd., a start-up in Lahore. Later I returned to Zentrix Robotics.",
     ("workedAt", "Zentrix Robotics"), True),
    # a role held at X, in the applicant's time ("my second year as …"), whoever the sentence is about
    ("During my second year as a clinical pharmacist at the Widget University Hospital, a patient was readmitted.",
     ("workedAt", "Widget University Hospital"), True),
    ("During her time as a nurse at the Widget University Hospital, my mother met him.",
     ("workedAt", "Widget University Hospital"), False),
    ("I trained as an architect at the Widget National School of Architecture in Rabat.",
     ("workedAt", "Widget National School of Architecture"), False),
    # the hospital named again by its first words is the same workplace, not a person
    ("I was a pharmacist at Kasr Al Widget University Hospital. I then worked in the units of Kasr Al Widget.",
     ("workedAt", "Kasr Al Widget University Hospital"), True),
    # how a student moves between universities; a short name in brackets is the same university
    ("I started at Widget City College in 2019 because it was cheap and close to home.",
     ("studiedAt", "Widget City College"), True),
    ("In 2021 I transferred to the University of Bergen as a chemistry major.", ("studiedAt", "University of Bergen"), True),
    ("I started at Google in 2019 as a data analyst.", ("studiedAt", "Google"), False),
    ("In 2021 I moved to Quill State University, Widgetville (Quill State). I have been a member of the Widget "
     "Society since my first year at Quill State.", ("workedAt", "Quill State University, Widgetville"), False),
    # an internship of one organisation held at another: the work is at the other
    ("Last summer I got into the Department of Widgets' summer internship at Argonne National Laboratory.",
     ("workedAt", "Argonne National Laboratory"), True),
    ("Last summer I got into the Department of Widgets' summer internship at Argonne National Laboratory.",
     ("workedAt", "Department of Widgets"), False),
    # a lab named after a person the statement names: its head is a mentor
    ("In my first semester I met Dr. Tomas Brenner. In the Brenner lab I work on copper widgets.",
     ("mentoredBy", "Tomas Brenner"), True),
    # a post held where one also studied is work there too
    ("I completed my PhD in widgets at the University of Bergen in 2023 and currently work there as a postdoctoral "
     "researcher.", ("workedAt", "University of Bergen"), True),
    # a county government and a trust are employers; a registration board and a society one is a member of are not
    ("From 2019 to 2022 I worked as an irrigation engineer with the Widget County Government.",
     ("workedAt", "Widget County Government"), True),
    ("Since 2023 I have been a field engineer with Quill Widget Trust, a non-governmental organisation.",
     ("workedAt", "Quill Widget Trust"), True),
    ("I am registered as a graduate engineer with the Engineers Board of Widgetland.",
     ("workedAt", "Engineers Board of Widgetland"), False),
    ("Through her I became a student member of the Widget Society of Engineers.",
     ("workedAt", "Widget Society of Engineers"), False),
    # public services and corps are organisations; serving in them, or being engaged by them, is work
    ("In 2022 I was engaged by the Quill Statistical Service as a field enumerator.",
     ("workedAt", "Quill Statistical Service"), True),
    ("In 2021 I was recruited by the Renn Revenue Service.", ("workedAt", "Renn Revenue Service"), True),
    ("The survey was commissioned by the Quill Statistical Service.", ("workedAt", "Quill Statistical Service"), False),
    ("My brother was recruited by the Renn Revenue Service.", ("workedAt", "Renn Revenue Service"), False),
    ("Our firm was contracted by the Renn Revenue Service to assess damage.", ("workedAt", "Renn Revenue Service"), False),
    ("After my degree I did my national service at the Quill Widget Service.", ("workedAt", "Quill Widget Service"), True),
    ("I then served two years in the Quill Youth Service Corps.", ("workedAt", "Quill Youth Service Corps"), True),
])
def test_posts_own_work_services_and_other_peoples_jobs(extractor, sentence, relation, present):
    assert (relation in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))) is present


@pytest.mark.parametrize("passage", [
    'I ran a four-week "Data Science for Everyone Who Asks" bootcamp for first-year students in our department.',
    'The judges asked hard questions ("What happens when your model is wrong about someone?") and I kept them.',
])
def test_quoted_names_and_sayings_are_not_papers(extractor, passage):
    assert not _papers(_extract(extractor, "Jane Roe\n\n" + BODY + " My work taught me a lot. " + passage))


def test_titles_listed_on_their_own_lines_and_plural_advisors(extractor):
    text = ("Jane Roe\n\nI study currencies.\n\nJob market paper\n\n\"Dollarized Widget Sheets and the Response to "
            "Devaluations\"\n\nOther work\n\n\"Exchange Rate Pass-Through under Many Widgets\" (with Tobias Brenner). "
            "We use survey data.\n\nI learned from my advisors, Ilse Varga and Gerald Tomasino, and I thank them.")
    ext = _extract(extractor, text)
    assert _papers(ext) == {"Dollarized Widget Sheets and the Response to Devaluations",
                            "Exchange Rate Pass-Through under Many Widgets"}
    mentors = {o for p, o in _relations(ext) if p == "mentoredBy"}
    # "under" inside a title is no cue for the co-author
    assert mentors == {"Ilse Varga", "Gerald Tomasino"}


def test_a_where_clause_on_a_workplace_does_not_make_the_work_a_plan(extractor):
    sentence = "Since graduating I have worked as a program assistant at Widget Humanities, where I help groups plan events."
    assert ("workedAt", "Widget Humanities") in _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + sentence))


def test_a_job_title_in_the_header_names_the_current_employer(extractor):
    text = ("# Research Statement\n\n**Jane Roe** — Postdoctoral Researcher, University of Bergen\n\n## Overview\n\n"
            "My research aims to make robots safe. I am applying for a tenure-track position at the University of Michigan.\n")
    rels = _relations(_extract(extractor, text, name="doc.md"))
    assert {("workedAt", "University of Bergen"), ("appliesTo", "University of Michigan")} <= rels


@pytest.mark.parametrize("passage, mentor, expected", [
    ("I won an award for my thesis work, which was done under the guidance of Prof. Ilse Varga in a ministry project.",
     "Ilse Varga", True),
    ("I hope to work under the supervision of Prof. Ilse Varga at Stanford.", "Ilse Varga", False),
    # someone else's advisor, named in a parenthesis about that person
    ("This project was led by Karim Fathy (a PhD student at Oxford, advised by Professor Tomas Brenner), in "
     "collaboration with Dr Ana Reyes.", "Tomas Brenner", False),
])
def test_under_the_guidance_of_and_other_peoples_advisors(extractor, passage, mentor, expected):
    rels = _relations(_extract(extractor, "Jane Roe\n\n" + BODY + " " + passage))
    assert (("mentoredBy", mentor) in rels) is expected
