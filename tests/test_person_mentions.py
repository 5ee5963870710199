"""People rules of :mod:`sopgraph.person_mentions`, each on an invented passage after a neutral body."""
import pytest

from sopgraph.person_mentions import CITATION
from tests.test_pipeline_stages import BODY, _extract, _people, _relations, _with_body


@pytest.mark.parametrize("passage, name, present", [
    # cited authors: author–year in brackets, narrative citations, two surnames after a cue
    ("Widget wear follows a power law (Quillborne et al., 2019).", "Quillborne", True),
    ("As Brandtmeier and Okonkwoh (2020) showed, widgets wear unevenly.", "Okonkwoh", True),
    ("I built on the account of Harrowgate and Obilade of widget wear.", "Harrowgate", True),
    # a surname written before its initials, as inline citations list it
    ("Our method extends the filter of Quillborne A. B. to noisy widgets.", "A. B. Quillborne", True),
    # an eponym naming a method, a course and a street are no people
    ("I used Quillson Carlo methods to sample widget shapes.", "Quillson Carlo", False),
    ("My favourite class was Advanced Helmut Quillson.", "Advanced Helmut Quillson", False),
    ("I visited Karl Widmannplatz 4 each day.", "Karl Widmannplatz", False),
    # a command of a language
    ("Fluent Widgetian, Russian, English.", "Fluent Widgetian", False),
    # a lone capitalised word before a year is a citation only if the model reads a person there
    ("We trained on WidgetNet (2019) for a week.", "WidgetNet", False),
    # an acronym with a year names a meeting, not a cited author
    ("I presented it at the Widget Conference of Quill Makers (WCQM 2021) in Lagos.", "WCQM", False),
    # a possessive ends a name: what follows is the person's work
    ("In the library I first read Ada Quillberg’s Prehistoric Widgets, which gave me a method.", "Ada Quillberg", True),
    ("In the library I first read Ada Quillberg’s Prehistoric Widgets, which gave me a method.",
     "Ada Quillberg’s Prehistoric Widgets", False),
    # a term and its year in brackets is a date
    ("I am applying to the M.S. in Widget Science at Quill University (Fall 2025).", "Fall", False),
    # the second of two authors in brackets with no comma before the year; the first of three cited by name
    ("The classic model of widget runs (Quillborne and Veldmark 2016) assumes identical users.", "Veldmark", True),
    ("Later work, Okonkwoh, Quillborne and Tammsaar (2021), argues the opposite.", "Okonkwoh", True),
    ("I read the model of widget wear by Ezeoduh, Hallgren and Villaquill (2020).", "Ezeoduh", True),
    # ... but a word opening the clause is no first author
    ("However, Quillborne and Tammsaar (2021) disagree about widgets.", "However", False),
    # titles written after a title ("Dr. med. vet.") and Portuguese ones ("Prof.ª Doutora") are no part of the name
    ("I wrote to Prof. Dr. med. vet. Regula Widgeten-Schärli about the position.", "Regula Widgeten-Schärli", True),
    ("I wrote to Prof. Dr. med. vet. Regula Widgeten-Schärli about the position.", "Dr", False),
    ("I have read the work of Prof.ª Doutora Filipa Quillares Fontoura on drainage.", "Filipa Quillares Fontoura", True),
    # a Spanish courtesy title marks a name the model calls an organisation
    ("Among the elders I recorded is the late Queen of the widget makers, Doña Eusebia Quillón Mosquete, in 2019.",
     "Eusebia Quillón Mosquete", True),
])
def test_who_counts_as_a_person(extractor, passage, name, present):
    assert (name in _people(_with_body(extractor, passage))) is present


def test_a_name_that_is_a_named_organisation_is_not_a_person(extractor):
    ext = _with_body(extractor, "I interned at Axiom Quill Inc. After graduating I returned to Axiom Quill as an engineer.")
    assert "Axiom Quill" not in _people(ext)


def test_cited_authors_are_never_advisors(extractor):
    ext = _with_body(extractor, "I would like to extend the model of Quillborne et al. (2019) to widgets.")
    assert "Quillborne" in _people(ext)
    assert not {r for r in _relations(ext) if "Quillborne" in r[1]}


@pytest.mark.parametrize("text, surname", [
    ("(Quill, 2020)", "Quill"),
    ("(Quill et al., 2020a)", "Quill"),
    ("(Quill and Renn, 2019)", "Quill"),
])
def test_the_author_year_citation_pattern(text, surname):
    match = CITATION.search(text)
    assert match is not None and match.group(1) == surname


@pytest.mark.parametrize("text", ["(WCQM 2021)", "(ICWQ, 2019)", "(Fall 2025)", "(September 2024)", "(Summer 2023)"])
def test_an_acronym_or_a_term_with_a_year_is_no_citation(text):
    assert CITATION.search(text) is None


def test_the_applicants_own_records_become_the_applicant(extractor):
    text = ("Jane Kerstin Roe\n\n" + BODY + " My first paper, with Kerstin Roe as lead author, is under review."
            "\n\nKerstin Roe")
    ext = _extract(extractor, text)
    assert ext.applicant.name == "Jane Kerstin Roe"
    assert "Kerstin Roe" not in _people(ext)


@pytest.mark.parametrize("passage, name", [
    # a name the text gives an acronym is an organisation's, whatever the model makes of it
    ("Between 2022 and 2023 I also worked on a six-month contract with Kondwani Ndi Moyo (KNM), the sister "
     "organisation of a widget charity, in Quilltown.", "Kondwani Ndi Moyo"),
    # a name alone in brackets after an organisation is its name in another language
    ("I studied at the Widget Academy of the University of the Arts Quilltown (Widgetin Akatemia) and worked with "
     "Dr. Ada Quill.", "Widgetin Akatemia"),
])
def test_names_of_bodies_are_no_people(extractor, passage, name):
    assert name not in _people(_with_body(extractor, passage))


def test_a_name_in_brackets_then_a_persons_alias_is_still_a_person(extractor):
    # "Zhou Wei (Wei Zhou)": a name's other order in brackets is no acronym, so the person stays
    ext = _extract(extractor, "# Personal Statement\n\n- **Name:** Zhou Wei (Wei Zhou)\n- **Email:** wz2020@quill.edu\n\n"
                   + BODY, name="doc.md")
    assert ext.applicant is not None and "Zhou" in ext.applicant.name


@pytest.mark.parametrize("place, person_found", [("the Yungas of La Widgeta", False), ("the Yungas", True)])
def test_a_name_the_model_also_tags_as_a_place_is_no_person(extractor, place, person_found):
    from spacy.tokens import Span

    from sopgraph.mentions import MentionCollector
    from sopgraph.normalize import clean_text

    clean = clean_text("Jane Roe\n\nI grew up in La Widgeta with my family. Later I counted birds in the Yungas of La "
                       "Widgeta for my thesis.\n")
    doc = extractor.nlp(clean.text)
    text = doc.text
    person = doc.char_span(text.index("La Widgeta"), text.index("La Widgeta") + len("La Widgeta"))
    at = text.index(place)
    doc.ents = [Span(doc, person.start, person.end, "PERSON"),
                Span(doc, doc.char_span(at, at + len(place)).start, doc.char_span(at, at + len(place)).end, "GPE")]
    collector = MentionCollector(doc, clean, extractor.gazetteer, extractor.topics)
    collector.collect_entities()
    assert ("La Widgeta" in {r.label for r in collector.registry if r.kind == "person"}) is person_found


def test_a_name_in_another_script_is_read_without_failing(extractor):
    # a Cyrillic or Greek name beside the English one is no person we can compare with others
    ext = _with_body(extractor, "In 2022 I visited the A. B. Quillov Institute of Widget Sciences "
                                "(Институт виджетных наук им. А. Б. Квиллова) in Almaty, where Dr. Ada Renn "
                                "taught me spectroscopy. I then joined the Εθνικό Ίδρυμα Ερευνών (EIE).")
    people = _people(ext)
    assert "Ada Renn" in people
    assert not any(set(name) & set("АБКвилоаЕθνικό") for name in people)


@pytest.mark.parametrize("passage, name, present", [
    # a hyphenated surname in a narrative citation
    ("The study by Quill-Tello and Okorie (2019) on widget wear cites the group's work.", "Quill-Tello", True),
    ("The study by Quill-Tello and Okorie (2019) on widget wear cites the group's work.", "Okorie", True),
    # a place opened by where it lies, or by a word the text writes before things ("Widgetine art")
    ("My thesis looked at the churches of Upper Racha, 11th–13th Centuries.", "Upper Racha", False),
    ("I read about Byzantine art. His work on patronage and portraiture in Byzantine Lycia is the closest model.",
     "Byzantine Lycia", False),
    # a place named after a person, and an award named after one
    ("I inspected the Araquill and Pemba Lhakmo highways after each monsoon.", "Pemba Lhakmo", False),
    ("In 2019, supported by a Commonwealth Split-site Scholarship, I spent a year in Lagos.", "Commonwealth Split-site", False),
    # what one studied, not whom
    ("I studied Ciencias Políticas at the national university.", "Ciencias Políticas", False),
    ("I read Hannah Quillendt closely that year.", "Hannah Quillendt", True),
])
def test_people_places_and_what_was_studied(extractor, passage, name, present):
    assert (name in _people(_with_body(extractor, passage))) is present


def test_the_authors_of_a_reference_in_a_sentence_are_read_with_the_reference(extractor):
    passage = ("My lab work under Dra. Ada Rosa Quillanueva Paredes produced my first paper: Roe, J., Quillanueva Paredes, "
               "A. R., & Okorie, B. (2020). Widget wear in riparian soils of the Quill valley. Widget Monitoring and "
               "Assessment, 192(8), 517. Later Dr. Quillanueva encouraged me to apply.")
    people = _people(_with_body(extractor, passage))
    assert "Ada Rosa Quillanueva Paredes" in people and "Quillanueva Paredes" not in people


def test_a_titled_surname_is_the_person_whose_lab_bears_it(extractor):
    passage = ("I am drawn to the Quillsato Lab because of its work on widget vision. I hope to be supervised by "
               "Prof. Quillsato, whose group combines physics with learning, and by Prof. Ada Renwick.")
    ext = _with_body(extractor, passage)
    assert ("prospectiveAdvisor", "Quillsato") in _relations(ext)


@pytest.mark.parametrize("passage, name, present", [
    # a city after "in" and a named body, then a year in brackets, is no cited author
    ("I completed a degree in Anthropology at the Universidad de los Andes in Bogotá (2016), in its department.",
     "Bogotá", False),
    # a person's name the model reads inside an organisation's is no full form of a lone word
    ("I moved to Rabat for my master's. Since 2022 I have taught at Université Mohammed V de Rabat.", "Rabat", False),
])
def test_places_the_model_reads_as_people(extractor, passage, name, present):
    assert (name in _people(_with_body(extractor, passage))) is present


@pytest.mark.parametrize("passage, name, present", [
    # an eponymous method with its acronym in brackets
    ("I did not go beyond a short introduction to grand canonical Monte Carlo (GCMC) simulations.", "Monte Carlo", False),
    # a cited author named with "and colleagues", without a year
    ("The studies of Quillan-Rodrigo and colleagues on the resolution needed for urban catchments influenced my thesis.",
     "Quillan-Rodrigo", True),
    # a sentence's opening participle is no given name
    ("Following Nikolaus Quillmann's distinction between documentary and descriptive widgetry, I see the corpus as "
     "the primary product.", "Nikolaus Quillmann", True),
])
def test_round_thirty_three_people(extractor, passage, name, present):
    assert (name in _people(_with_body(extractor, passage))) is present


def test_a_street_after_its_abbreviation_is_no_person(extractor):
    ext = _extract(extractor, "Jane Roe\nul. Georgi Quillyski 14, 1606 Quilltown, Widgetia\njane@quill.example\n\n"
                              "I am applying to the PhD programme in Widget Engineering at Quillfield University because I "
                              "want to study how widgets wear under load.\n")
    assert "Georgi Quillyski" not in {m.label for m in ext.mentions if m.kind == "person"}


@pytest.mark.parametrize("passage, name, present", [
    # places after "in … and …", without a year or a cited work, are no cited authors
    ("For three years I drafted enforcement notices, sat in on farm inspections in Powys and Ceredigion, and learned, "
     "in practice, how far a permit on paper differs from a river in flood.", "Ceredigion", False),
    # a building named after a person is no person
    ("He told me, over a cup of tea in a cold office in the Hugh Owen building, to think about research.",
     "Hugh Owen", False),
])
def test_round_thirty_four_people(extractor, passage, name, present):
    assert (name in _people(_with_body(extractor, passage))) is present


def test_a_burmese_honorific_is_no_part_of_the_name(extractor):
    people = _people(_with_body(extractor, "My audit was published in 2023, co-authored with Khin Mar Lwin and Kanokwan "
                                           "Quillsuk.\n\nReferees: Dr. Kanokwan Quillsuk (Quill University); Daw Khin Mar "
                                           "Lwin (Quill Children's Hospital)."))
    assert "Khin Mar Lwin" in people and "Daw Khin Mar Lwin" not in people
