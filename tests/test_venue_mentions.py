"""Venue rules of :mod:`sopgraph.venue_mentions`, each on an invented passage after a neutral body."""
import pytest

from tests.test_pipeline_stages import _with_body


def _venues(extractor, passage):
    ext = _with_body(extractor, passage)
    return {name for m in ext.mentions if m.kind == "venue" for name in (m.label, *m.aliases)}


@pytest.mark.parametrize("passage, venue, present", [
    # an unlisted acronym with a year or an edition number, in a sentence about publishing
    ("Our widget paper was presented at WIDGCON 2024 in Lisbon.", "WIDGCON", True),
    ("I presented a poster at QUILLS 32 last spring.", "QUILLS", True),
    # the same words without a publishing cue are no venue
    ("I moved to WIDGCON 2024 headquarters after my degree.", "WIDGCON", False),
    # a meeting of capitalised words and its edition number
    ("We presented the results at Widget und Gadget 27 in Vienna.", "Widget und Gadget", True),
    # a host organisation after "presented at" is no meeting
    ("I presented the results at Quillfield University 2 weeks later.", "Quillfield University", False),
    # a journal the lists know by an everyday word needs a sentence about publishing
    ("Our widget study was published in Science last year.", "Science", True),
    ("I have always loved science and widgets.", "Science", False),
    # a workshop of a listed conference names the conference too
    ("I presented this work at a NeurIPS workshop on widgets in 2023.", "NeurIPS", True),
    # a meeting named by its body's acronym, the body's name in brackets before or after it, in any case
    ("I presented an earlier version at the QSAS (Quill Society for Widget Studies) conference in 2022.",
     "QSAS conference", True),
    ("A later version went to the CWSS annual conference in 2023.", "CWSS annual conference", True),
    ("I presented a poster at the Quill Geophysical Union (QGU) Fall Meeting in 2021.", "QGU Fall Meeting", True),
    ("I presented a poster at the Quill Geophysical Union (QGU) Fall Meeting in 2021.", "Fall Meeting", False),
    ("- QWM Triennial Congress (Quill Confederation of Widgeteers), Bali, 2023: oral, baseline results.",
     "Quill Confederation of Widgeteers Triennial Congress", True),
    ("- WCQ 2022 (Widget College of Quills Scientific Conference), Banjul: poster.",
     "Widget College of Quills Scientific Conference", True),
    # a listed acronym that is a currency before an amount, in a sentence about publishing
    ("She has published 31 widget papers and secured grants totalling about RM 1.1 million.", "RM", False),
    # a longer name goes on after the kind of meeting: "… Conference on X" is no "ACM Conference"
    ("We published it in the QWA Conference on Widget Security in 2021.", "QWA Conference", False),
])
def test_what_counts_as_a_venue(extractor, passage, venue, present):
    assert (venue in _venues(extractor, passage)) is present


def test_a_cued_name_of_an_organisation_is_no_venue(extractor):
    assert not _venues(extractor, "The proposal was submitted to the Quillfield Widget Foundation in 2022.")


@pytest.mark.parametrize("meeting, society", [
    ("Annual Conference of the Ruritanian Institution of Widget Engineers", "Ruritanian Institution of Widget Engineers"),
    ("Quill Society of Widget Medicine and Hygiene Annual Meeting", "Quill Society of Widget Medicine and Hygiene"),
    ("Association for Widget Studies Annual Conference", "Association for Widget Studies"),
    ("European Widget Society Annual Meeting", "European Widget Society"),
    # a head word that does not end the name, and a meeting named after no body
    ("Union World Conference on Widget Health", None),
    ("International Conference on Widget Representations", None),
])
def test_the_society_a_meeting_is_named_after(meeting, society):
    from sopgraph.venue_mentions import society_of_meeting_named

    assert society_of_meeting_named(meeting) == society


def test_a_meeting_in_a_reference_entry_and_its_society(extractor):
    from tests.test_pipeline_stages import BODY, _extract

    text = ("Jane Roe\n\n" + BODY + "\n\nPublications\n\n- Roe J, Quill A. Widget resistance in sentinel widget sites, "
            "2018-2022. Poster presented at the Quill Society of Widget Medicine (QSWM) Annual Meeting, Chicago, 2023.\n")
    mentions = {(m.kind, m.label) for m in _extract(extractor, text).mentions}
    assert ("venue", "Quill Society of Widget Medicine Annual Meeting") in mentions
    assert ("organization", "Quill Society of Widget Medicine") in mentions


@pytest.mark.parametrize("passage, body, acronym", [
    ("I presented an earlier version at the QSAS (Quill Society for Widget Studies) conference in 2022.",
     "Quill Society for Widget Studies", "QSAS"),
    ("- WCQ 2022 (Widget College of Quills Scientific Conference), Banjul: poster.", "Widget College of Quills", "WCQ"),
])
def test_the_body_named_in_brackets_beside_its_meeting(extractor, passage, body, acronym):
    ext = _with_body(extractor, passage)
    assert any(m.label == body and acronym in m.aliases for m in ext.mentions if m.kind == "organization")


@pytest.mark.parametrize("passage, kind, label, present", [
    # a name the sentence calls a journal, whatever the model reads it as
    ("Together we prepared a short inventory of widget song texts for Quillyca, the CNRQ journal, in 2022.",
     "venue", "Quillyca", True),
    # a listed venue's acronym inside a quoted title is a word of the title
    ("- I. Quill, J. Roe, \"Ambient vibration testing of pre-1940 RC frame buildings with masonry infills\", "
     "Proceedings of the 3rd European Conference on Widget Engineering, Bucharest, 2022.", "venue", "RC", False),
    # a one-word listed venue ending an organisation's name is a word of that name
    ("\n\n2021–present   Founder and convenor, Dublin Widget Linguistics Reading Group\n", "venue", "Group", False),
    # the council a world conference is named after is an organisation
    ("I presented this analysis at the 47th World Conference of the International Council for Widget Music in "
     "Legon, Ghana, in July 2023.", "organization", "International Council for Widget Music", True),
])
def test_round_thirty_two_venues(extractor, passage, kind, label, present):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, passage)
    assert (label in {m.label for m in ext.mentions if m.kind == kind}) is present


def test_a_journal_abbreviated_without_stops_is_one_venue(extractor):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, "My first paper appeared in Preventive Widget Medicine in 2022.\n\n## Publications\n\n"
                                "- Roe J, Quill A. Seroprevalence of widget wear in cattle herds. Prev Widg Med. "
                                "2022;204:105671.\n")
    assert {m.label for m in ext.mentions if m.kind == "venue"} == {"Preventive Widget Medicine"}


def test_a_journal_named_with_a_word_before_its_colon_is_one_venue(extractor):
    ext = _with_body(extractor, 'My dissertation examined click replacement. The study was published in 2021 as "Click '
                                'replacement in the speech of young widget bilinguals" in Quillang: Journal of Widget '
                                'Language and Literature. Dr. Ada Quillotswa also taught me.')
    venues = [m for m in ext.mentions if m.kind == "venue"]
    assert [m.label for m in venues] == ["Quillang: Journal of Widget Language and Literature"]


@pytest.mark.parametrize("passage, kind, label", [
    # a meeting named head first in its own language, with its edition and a hyphenated acronym
    ('- "Mujeres que tocan: widget drummers", paper presented at the XV Congreso de la WQSPM-AL (International '
     'Association for the Study of Widget Music, Latin America branch), 2022.', "venue", "XV Congreso de la WQSPM-AL"),
    # what a body is "for the" may name its own object
    ('- "Mujeres que tocan: widget drummers", paper presented at the XV Congreso de la WQSPM-AL (International '
     'Association for the Study of Widget Music, Latin America branch), 2022.', "organization",
     "International Association for the Study of Widget Music"),
])
def test_names_read_whole(extractor, passage, kind, label):
    assert label in {m.label for m in _with_body(extractor, passage).mentions if m.kind == kind}


def test_a_meetings_edition_and_its_series_name_the_same_venue(extractor):
    names = _venues(extractor, "We presented it at the XXI Congresso Brasileiro de Engenharia de Widgets (COBEW 2016) in Quillpinas.")
    assert {"XXI Congresso Brasileiro de Engenharia de Widgets", "Congresso Brasileiro de Engenharia de Widgets"} <= names
