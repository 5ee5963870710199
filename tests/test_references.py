import pytest

from sopgraph.references import (REFERENCE_HEADING, _clean_venue, listed_references, parse_reference, parse_references,
                                 split_authors, split_entries)


@pytest.mark.parametrize(
    "entry, authors, title, venue, year",
    [
        (
            "[1] Ada Quill, Bo Renn, and Cy Tamm. Sparse widgets for fast inference. In Proc. of ICML, 2021.",
            ("Ada Quill", "Bo Renn", "Cy Tamm"), "Sparse widgets for fast inference", "ICML", 2021,
        ),
        (
            "A. Quill and B. Renn. Robust frobnication. arXiv preprint arXiv:2101.01234, 2021.",
            ("A. Quill", "B. Renn"), "Robust frobnication", "arXiv", 2021,
        ),
        (
            "Quill, A., Renn, B., & Tamm, C. (2019). Cell cycle clocks in yeast. Nature Cell Biology, 21(3), 100-110.",
            ("A. Quill", "B. Renn", "C. Tamm"), "Cell cycle clocks in yeast", "Nature Cell Biology", 2019,
        ),
        (
            "Ada Quill. Learned gizmos. arXiv preprint arXiv:2003.00075, currently under review at ICLR 2021.",
            ("Ada Quill",), "Learned gizmos", "arXiv", None,
        ),
        (
            "Ada Quill, Bo Renn. Workshop paper title here. In *Efficient ML Workshop*, 2020b.",
            ("Ada Quill", "Bo Renn"), "Workshop paper title here", "Efficient ML Workshop", 2020,
        ),
        # IEEE / ACM: the quotes bound the title
        (
            "A. Quill and B. Renn, “Soft widgets for folding,” in Proc. IEEE Int. Conf. on Widgets (ICW), 2021, pp. 1–8.",
            ("A. Quill", "B. Renn"), "Soft widgets for folding", "IEEE Int. Conf. on Widgets (ICW)", 2021,
        ),
        (
            "M. Quill, P. Renn, A. Tamm. \"Awake widgets replay upcoming folds.\" Journal of Widgetry, 2023.",
            ("M. Quill", "P. Renn", "A. Tamm"), "Awake widgets replay upcoming folds", "Journal of Widgetry", 2023,
        ),
        # astronomy (AAS): bare year, journal, volume, page, and a quoted title at the end
        (
            '[2] Quill Marsh, A., van Renn, B., & Tamm, C. 2021, MNRAS, 650, A88, "Windy widgets at high redshift"',
            ("A. Quill Marsh", "B. van Renn", "C. Tamm"), "Windy widgets at high redshift", "MNRAS", 2021,
        ),
        ("Quill, A., & Renn, B. 2018, ApJ, 900, 12", ("A. Quill", "B. Renn"), "", "ApJ", 2018),
        # Harvard: bare year and a full stop, then title and journal
        (
            "Quill, A. and de Renn, B. 2019. Widgets in the wild. Journal of Widgetry 12(3): 1-9.",
            ("A. Quill", "B. de Renn"), "Widgets in the wild", "Journal of Widgetry", 2019,
        ),
        # APA with the title in quotes, its full stop inside them
        (
            'Quill, A., & Renn, B. (2023). "Ein Korpus der Widgets." WidgetConf 2023 (Tagung der Widgets).',
            ("A. Quill", "B. Renn"), "Ein Korpus der Widgets", "WidgetConf (Tagung der Widgets)", 2023,
        ),
        # particles inside surnames ("Quill dos Renn", "Tamm de Oliva")
        ("Quill dos Renn, L. & Tamm de Oliva, M. (2020). Flood widgets in varzea forests. Acta Widgetica 50(2): 131-140.",
         ("L. Quill dos Renn", "M. Tamm de Oliva"), "Flood widgets in varzea forests", "Acta Widgetica", 2020),
        # hyphenated initials, and a preprint named only by its arXiv identifier
        ('[3] W.-H. Quill, Y. Renn, and P. Tamm, "Whole-body widgets with diffusion policies," arXiv:2403.11872, 2024.',
         ("W.-H. Quill", "Y. Renn", "P. Tamm"), "Whole-body widgets with diffusion policies", "arXiv", 2024),
        # the mark of the author's own papers before the entry
        ("† R. K. Quillwa, H. Renn, “Widget speciation in river sediments of the Quill catchment,” Widget Science: "
         "Processes & Impacts, vol. 20, pp. 1412–1425, 2018.", ("R. K. Quillwa", "H. Renn"),
         "Widget speciation in river sediments of the Quill catchment", "Widget Science: Processes & Impacts", 2018),
        # a working paper has appeared nowhere yet
        ('Quill, A. and Renn, B. (2017). "Widgets and aggregate demand." Working paper.',
         ("A. Quill", "B. Renn"), "Widgets and aggregate demand", None, 2017),
        # a preprint submitted to a journal has appeared on the preprint server only
        ("[3] Quill, A., Renn, B. (2024). Widget lags across the hard state. arXiv:2405.11873 (submitted to Widget Letters).",
         ("A. Quill", "B. Renn"), "Widget lags across the hard state", "arXiv", 2024),
        # a translated title in brackets and the language of the article are no part of the venue
        ('Quill, A. (2021). "Kikai no hon\'yaku" [The translation of widget manuals]. *Widget Zasshi* 130(4): 1-28. (in Japanese)',
         ("A. Quill",), "Kikai no hon'yaku", "Widget Zasshi", 2021),
        # "Paper presented at the …": the meeting is the venue
        ('Quill, A. (2023). "Letters from the widget works." Paper presented at the Association for Widget Studies '
         'Annual Conference (AWS 2023), Boston.', ("A. Quill",), "Letters from the widget works",
         "Association for Widget Studies Annual Conference (AWS)", 2023),
        # a title that ends in a question mark runs on into its status, then the journal it is under review at
        ("Roe JA, Quill B. Task-sharing between widget makers: who does what? Under review, Widget Studies.",
         ("J. A. Roe", "B. Quill"), "Task-sharing between widget makers: who does what?", None, None),
        # "Accepted" is no part of the venue; an inner question mark is no end of the title
        ("Roe JA, Quill B. Who pays? Accepted, Journal of Widgets, 2024.", ("J. A. Roe", "B. Quill"), "Who pays?",
         "Journal of Widgets", 2024),
        ("Roe JA, Quill B. Is it fair? Evidence from Widgetland. Journal of Widgets, 2021.", ("J. A. Roe", "B. Quill"),
         "Is it fair? Evidence from Widgetland", "Journal of Widgets", 2021),
        # IEEE's paper or article number after the year is no part of the venue
        ('3. A. Roe and B. Quill, "Screening widget methods in mature fields," in *Proc. Widget Annual Caspian '
         'Technical Conference*, 2021, Paper WAC-207012-MS.', ("A. Roe", "B. Quill"),
         "Screening widget methods in mature fields", "Widget Annual Caspian Technical Conference", 2021),
        ('[4] A. Roe, "Widget lags," Widget Letters, vol. 3, 2021, Art. no. 123.', ("A. Roe",), "Widget lags",
         "Widget Letters", 2021),
    ],
)
def test_parse_reference(entry, authors, title, venue, year):
    ref = parse_reference(entry.replace("*", ""))
    assert ref is not None
    assert ref.authors == authors
    assert ref.title == title
    assert ref.venue == venue
    assert ref.year == year


def test_numbered_marker_and_suffix():
    ref = parse_reference("[3] Ada Quill. A title of some length. In NeurIPS, 2020a.")
    assert ref.marker == "3" and ref.year_suffix == "a"


def test_section_heading_and_continuation_lines():
    text = "References\n\n[1] Ada Quill and Bo Renn. A long title\nthat wraps. In ICML, 2020.\n[2] Cy Tamm. Second. In ACL, 2019."
    refs = parse_references(text)
    assert [r.title for r in refs] == ["A long title that wraps", "Second"]


def test_a_hanging_indent_continues_the_entry_above():
    text = ("References\n\n[1] Quill, A., Renn, B., & Tamm, C. (2021).\n    Widget enrichment above the Quill deposit. "
            "Journal of Widget Sciences,\n    182, 104287.\n[2] Renn, B. (2018). Second widget study. Widget Reviews, 95, "
            "611-627.\n")
    refs = parse_references(text)
    assert [r.title for r in refs] == ["Widget enrichment above the Quill deposit", "Second widget study"]


def test_entries_indented_alike_stay_apart():
    text = ("References\n\n  Quill, A. (2021). First widget study. Widget Letters, 3, 1-9.\n"
            "  Renn, B. (2018). Second widget study. Widget Reviews, 95, 611-627.\n")
    assert [r.title for r in parse_references(text)] == ["First widget study", "Second widget study"]


@pytest.mark.parametrize("junk", ["Thank you for reading.", "short", "This sentence is not a reference at all, clearly."])
def test_non_references_are_rejected(junk):
    assert parse_reference(junk) is None


def test_split_authors_et_al():
    assert split_authors("Ada Quill et al.") == ("Ada Quill",)


@pytest.mark.parametrize("authors, names", [
    # every author surname first with given names written out (linguistics, humanities)
    ("Quill, Ada Maria & Renn, Bo", ("Ada Maria Quill", "Bo Renn")),
    ("Quill, Ada, Renn, Bo & Tamm, Cy", ("Ada Quill", "Bo Renn", "Cy Tamm")),
    ("Quill, Văn Ada", ("Văn Ada Quill",)),
    ("van Quill, Ada & Renn, Bo", ("Ada van Quill", "Bo Renn")),
    # given names first: the pieces before the commas are whole names, not surnames
    ("Ada Quill, Bo Renn", ("Ada Quill", "Bo Renn")),
    # Chicago: only the first author is written surname first
    ("Quill, Ada, Bo Renn, and Cy Tamm", ("Ada Quill", "Bo Renn", "Cy Tamm")),
])
def test_authors_written_surname_comma_given_names(authors, names):
    assert split_authors(authors) == names


@pytest.mark.parametrize(
    "entry, authors, venue, year",
    [
        ("Quill A, Renn BC. Timing of widget assembly in yeast. Nature Methods 20, 1123–1131 (2023).",
         ("A. Quill", "B. C. Renn"), "Nature Methods", 2023),
        ("Renn BC*, Quill A*, Tamm C. Fast kinetic widgets. Bioinformatics 36, 4980–4987 (2020).",
         ("B. C. Renn", "A. Quill", "C. Tamm"), "Bioinformatics", 2020),
        # NLM style: year;volume(issue):pages after an abbreviated journal
        ("Quill A, Renn BC. Widget folding kinetics. J Widget Sci A. 2023;11(18):9874-85.",
         ("A. Quill", "B. C. Renn"), "J Widget Sci A", 2023),
        ("Quill A, Tamm C. Learned widget potentials. arXiv [Preprint]. 2024.", ("A. Quill", "C. Tamm"), "arXiv", 2024),
        # dotted initials after the surname; "bioRxiv. Preprint."; an article number with a dot as the pages
        ("Quill A.K.*, Renn T.*, Tamm M. (2024). Widget bursts gate replay. bioRxiv. Preprint.",
         ("A. K. Quill", "T. Renn", "M. Tamm"), "bioRxiv", 2024),
        ("Renn T., Quill A.K. (2022). A low-cost widget. eWidget 9(4): EWIDGET.0112-22.2022.",
         ("T. Renn", "A. K. Quill"), "eWidget", 2022),
        # two surnames joined by a particle (Catalan "i", Portuguese "e")
        ("Renn Tamm A, Quill i Vall M, Sousa e Lima C. Widget binding. J Widget Chem 2024, 146, 8812–8825.",
         ("A. Renn Tamm", "M. Quill i Vall", "C. Sousa e Lima"), "J Widget Chem", 2024),
    ],
)
def test_vancouver_style(entry, authors, venue, year):
    ref = parse_reference(entry)
    assert (ref.authors, ref.venue, ref.year) == (authors, venue, year)


def test_question_mark_stays_inside_title():
    ref = parse_reference("Ada Quill, Bo Renn. Who pays for privacy? Fairness in federated widgets. Under review.")
    assert ref.title == "Who pays for privacy? Fairness in federated widgets"
    assert ref.venue is None and ref.year is None


def test_in_prep_is_not_yet_published():
    ref = parse_reference('[6] Quill, A., Renn, B., et al., in prep., "Fast widgets in compact gadgets"')
    assert ref.under_review and ref.year is None and ref.authors == ("A. Quill", "B. Renn")


def test_reference_lines_in_the_body_are_found_and_prose_is_not():
    body = ("My results so far:\n"
            "- Quill, A., & Renn, B. (2023). Widgets in the wild. Journal of Widgetry.\n"
            "2. Tamm, C. 2021, ApJ, 900, 12, \"Windy widgets\"\n"
            "Quill, my advisor, said in 2021. That was a good year for widgets.\n"
            "I worked with Renn, B. on widgets in 2022. It went well.")
    assert [(r.title, r.year) for r in listed_references(body)] == [("Widgets in the wild", 2023), ("Windy widgets", 2021)]


def test_initials_first_authors_before_a_quoted_title_are_all_authors():
    ref = parse_reference('Z. Quill, P. Renn, M. Zieliński, "Spectrally pure widgets from a group-velocity-matched '
                          'gadget at telecom wavelengths", arXiv:2406.09317 [quant-ph] (2024).')
    assert (ref.authors, ref.venue, ref.year) == (("Z. Quill", "P. Renn", "M. Zieliński"), "arXiv", 2024)
    assert ref.title.startswith("Spectrally pure widgets")


def test_sub_headings_inside_a_reference_list_are_not_entries():
    section = ("Journal articles\n\n"
               "Quill, A.-B., & Renn, C. (2020). Pitch as the primary widget cue. Journal of Widgetics, 82, 100987.\n\n"
               "Book chapters\n\n"
               "Quill, A.-B. (2021). The accentual widget. In Bo Renn & Cy Tamm (eds.), Widget Typology (pp. 1–9). "
               "Oxford: Widget Press.\n")
    assert split_entries(section) == [
        "Quill, A.-B., & Renn, C. (2020). Pitch as the primary widget cue. Journal of Widgetics, 82, 100987.",
        "Quill, A.-B. (2021). The accentual widget. In Bo Renn & Cy Tamm (eds.), Widget Typology (pp. 1–9). "
        "Oxford: Widget Press."]


def test_chicago_author_date_lines_in_the_body():
    body = ("Published\n\n"
            'Quill, Ada B., Bo Renn, and Cy Tamm. 2021. "Widget Pass-Through to Gadget Prices: Evidence from '
            'Disaggregated Data." Journal of Widget Economies 30 (4): 412–439.\n\n'
            "Working papers\n\n"
            'Quill, Ada B., and María Elena Renn. 2024. "Widget Scarcity and Household Welfare." Working paper.\n')
    refs = listed_references(body)
    assert [(r.authors, r.title, r.venue, r.year) for r in refs] == [
        (("Ada B. Quill", "Bo Renn", "Cy Tamm"), "Widget Pass-Through to Gadget Prices: Evidence from Disaggregated Data",
         "Journal of Widget Economies", 2021),
        (("Ada B. Quill", "María Elena Renn"), "Widget Scarcity and Household Welfare", None, 2024)]


def test_ieee_lines_in_the_body_with_or_without_a_year():
    body = ("We described this work in a workshop paper:\n\n"
            '  A. Quill, B. Renn, and C. Tamm, "Self-Supervised Widget Estimation for Low-Cost Rovers," in WidgetConf '
            "2024 Workshop on Field Widgets, Abu Dhabi, UAE, Oct. 2024.\n\n"
            "Our manuscript,\n\n"
            '  A. B. Quill, C. Tamm, "Dust-Robust Widget Odometry with Uncertainty-Aware Weights,"\n\n'
            "is under review.\n"
            'B. Renn and I said, "this will never work at all," and laughed.')
    assert [(r.title, r.year) for r in listed_references(body)] == [
        ("Self-Supervised Widget Estimation for Low-Cost Rovers", 2024),
        ("Dust-Robust Widget Odometry with Uncertainty-Aware Weights", None)]


def test_vancouver_entries_with_one_author_a_doi_and_non_ascii_capitals():
    section = (
        "Quill AB, Renn C. A widget account of patience in mice. bioRxiv. 2024. doi:10.1101/2024.03.11.584402\n"
        "Tamm EL. Optimal widgets, the marginal value theorem. Theor Widget Biol. 1976;9(2):129–136.\n"
        "Karaduman Z, Quill AB, Öztürk S. Acute stress biases widget responses. Widgetfish. 2019;16(4):352–361.\n"
    )
    refs = parse_references(section)
    assert [(r.authors, r.venue, r.year) for r in refs] == [
        (("A. B. Quill", "C. Renn"), "bioRxiv", 2024),
        (("E. L. Tamm",), "Theor Widget Biol", 1976),
        (("Z. Karaduman", "A. B. Quill", "S. Öztürk"), "Widgetfish", 2019),
    ]


@pytest.mark.parametrize("entry, authors, title, venue, year", [
    # mathematics (AMS): initials first, the title between commas, the journal's volume before the year
    ("[1] A. B. Quill, Graded widget numbers of edge ideals, J. Algebra 512 (2023), 101–130.",
     ("A. B. Quill",), "Graded widget numbers of edge ideals", "J. Algebra", 2023),
    ("[2] S. Renn and A. B. Quill, Regularity of widget powers, J. Commut. Algebra 15 (2023), no. 4, 455–481.",
     ("S. Renn", "A. B. Quill"), "Regularity of widget powers", "J. Commut. Algebra", 2023),
    ("[3] A. B. Quill, M. Lind and R. Okoye, Linear quotients of widget ideals, preprint (2024), arXiv:2405.01234.",
     ("A. B. Quill", "M. Lind", "R. Okoye"), "Linear quotients of widget ideals", "arXiv", 2024),
    # a comma inside the title: the journal is the part just before the volume and the year
    ("[4] D. Tamm, Widgets, gadgets and their toric rings, Adv. Math. 389 (2021), Paper No. 107912.",
     ("D. Tamm",), "Widgets, gadgets and their toric rings", "Adv. Math", 2021),
])
def test_mathematics_style_entries(entry, authors, title, venue, year):
    ref = parse_reference(entry)
    assert (ref.authors, ref.title, ref.venue, ref.year) == (authors, title, venue, year)


@pytest.mark.parametrize("entry, authors, title, venue, year", [
    # ACM: full names, the year as a sentence of its own, "In Proceedings of …", then the publisher
    ("[1] Ada Quill, Bo Renn, and Cy Tamm. 2023. WidgetCheck: Finding Missing Barriers in Widget Drivers. In "
     "Proceedings of the 16th European Workshop on Widget Security (WidgetSec '23). ACM, New York, NY, USA, 8 pages.",
     ("Ada Quill", "Bo Renn", "Cy Tamm"), "WidgetCheck: Finding Missing Barriers in Widget Drivers",
     "European Workshop on Widget Security (WidgetSec '23)", 2023),  # one venue for every edition
    # author–date with initials after the surname, particles, a one-word name and "spp." inside the title
    ("1. de la Quill JP, Widodo, Renn RM. 2023. Spawning synchrony of Acropora spp. on fringing widget reefs. "
     "Widget Journal of Science 152(4): 1201-1214.", ("J. P. de la Quill", "Widodo", "R. M. Renn"),
     "Spawning synchrony of Acropora spp. on fringing widget reefs", "Widget Journal of Science", 2023),
    ("2. de la Quill JP, Renn RM. 2024. Coralline widgets predict settlement. bioRxiv preprint.",
     ("J. P. de la Quill", "R. M. Renn"), "Coralline widgets predict settlement", "bioRxiv", 2024),
    # a poster at a named meeting, its organiser after a comma
    ("3. Tamm A, de la Quill JP. 2019. Widget recruitment pulses. Poster, 15th National Symposium in Widget "
     "Science, Widget Association of the Philippines (WAP).", ("A. Tamm", "J. P. de la Quill"),
     "Widget recruitment pulses", "National Symposium in Widget Science", 2019),
    # one author with one initial, when a year of its own follows; a bullet for a marker
    ("- Quill M. 2016. Swimming widgets alter dispersal kernels. Widget Reefs 35: 611-623.", ("M. Quill",),
     "Swimming widgets alter dispersal kernels", "Widget Reefs", 2016),
    # a bullet before a numbered marker; a comma inside a conference's name stays
    ("- [4] Y. Quill, J. Renn, and L. Tamm. Widgeteyes: categorizing widget structures. In International "
     "Conference on Acoustics, Speech and Signal Processing (ICASSP), 2018.", ("Y. Quill", "J. Renn", "L. Tamm"),
     "Widgeteyes: categorizing widget structures",
     "International Conference on Acoustics, Speech and Signal Processing (ICASSP)", 2018),
    # Chicago author–date: a surname with particles, given names and an initial, the year after the authors
    ("de los Quill, Ada Joy M. 2023. “Redox Potential of Widget Soils.” Paper presented at Widgetag 2023, "
     "Quill-Universität zu Widgetberg, September 20–22.", ("Ada Joy M. de los Quill",),
     "Redox Potential of Widget Soils", "Widgetag", 2023),
    ("de los Quill, Ada Joy M., and Bo T. Renn. 2019. “Calibrating Widget Models.” Widget Journal of Crop "
     "Science 44 (2): 31–42.", ("Ada Joy M. de los Quill", "Bo T. Renn"), "Calibrating Widget Models",
     "Widget Journal of Crop Science", 2019),
    ("Quill, Ada M. 2023. “Widget Carbon.” Widget Journal 4: 1–5.", ("Ada M. Quill",), "Widget Carbon",
     "Widget Journal", 2023),
    # the last author's initials before the year
    ("Renn, Bo M., Cy M. Tamm, and Di A. M. Penn. 2015. “Adoption of Widgets.” Widget Crops Research 170: 95–108.",
     ("Bo M. Renn", "Cy M. Tamm", "Di A. M. Penn"), "Adoption of Widgets", "Widget Crops Research", 2015),
    # a working paper has appeared nowhere, wherever it was presented
    ('Quill, Ada O., and Bo Elena Renn. 2024. "Cash Scarcity and Widget Welfare." Working paper. Presented at the '
     "QSAE Conference 2024, Oxford.", ("Ada O. Quill", "Bo Elena Renn"), "Cash Scarcity and Widget Welfare", None, 2024),
    # Harvard: the title in single quotes (an apostrophe inside it), a meeting's year, place and dates cut from
    # its name, and a status in the year's brackets
    ("Quill, A. and Renn, B. (2022) 'Post-earthquake reconstruction and the emptying of Widgetburg's Lower Town', "
     "Prostor, 30(2), pp. 210-223.", ("A. Quill", "B. Renn"),
     "Post-earthquake reconstruction and the emptying of Widgetburg's Lower Town", "Prostor", 2022),
    ("Quill, A. (2023) 'Short-term widget rentals in the historic core', WIDG Annual Congress 2023, Quilltown, "
     "Widgetland, 10-14 July.", ("A. Quill",), "Short-term widget rentals in the historic core", "WIDG Annual Congress",
     2023),
    ("Quill, A., Renn, B. and Tamm, C. (in preparation) 'Mapping vacancy in widget island towns'.",
     ("A. Quill", "B. Renn", "C. Tamm"), "Mapping vacancy in widget island towns", None, None),
    # IEEE with a surname's particle among the authors, the volume and page before the bracketed year
    ("[4] M. Quill-Blum, R. Baumgartner, and P. de Widgetin, \"Giant widget thermal Hall effect in a van der Waals "
     "antiferromagnet,\" Nature Materials 20, 1472 (2021).", ("M. Quill-Blum", "R. Baumgartner", "P. de Widgetin"),
     "Giant widget thermal Hall effect in a van der Waals antiferromagnet", "Nature Materials", 2021),
])
def test_author_date_and_acm_entries(entry, authors, title, venue, year):
    ref = parse_reference(entry)
    assert (ref.authors, ref.title, ref.venue, ref.year) == (authors, title, venue, year)


def test_apa_surnames_with_two_particles_and_series_numbers_and_places():
    body = ('- Quill de la Torre, J. C., & Renn Villa, C. (2024). "Widgets and the classroom: forced widget removal." '
            'Documentos WIDE No. 2024-18.\n'
            '- Quill de la Torre, J. C. (2023). "Mobile widgets after the migration shock." Poster, WID-LAMES Annual '
            'Meeting, Bogotá.\n')
    refs = listed_references(body)
    assert [(r.authors, r.venue, r.year) for r in refs] == [
        (("J. C. Quill de la Torre", "C. Renn Villa"), "Documentos WIDE", 2024),
        (("J. C. Quill de la Torre",), "WID-LAMES Annual Meeting", 2023)]


@pytest.mark.parametrize("entry", [
    "- Prof. Ada Quill (Uniandes): thesis advisor, WIDE PI",
    "- Dr. Bo Renn (Widget Institute): former supervisor. Thank you for your consideration.",
])
def test_a_referee_line_is_not_a_reference(entry):
    assert parse_reference(entry) is None


@pytest.mark.parametrize("entry, authors, editors, venue, year", [
    # unified linguistics style: the first author surname first with a full given name, a chapter in an edited book
    ("[3] Quill, Ada. 2023. Widgets without gadgets? Anticipation in heritage speakers. In Bo Renn & Cy Tamm "
     "(eds.), Widgets in Contact: Heritage Perspectives, 311-334. Berlin: Widget Press.",
     ("Ada Quill",), ("Bo Renn", "Cy Tamm"), "Widgets in Contact: Heritage Perspectives", 2023),
    # APA chapter: the page range in brackets and "City: Publisher" after the book
    ("Quill, A.-B. (2021). The accentual widget. In Bo Renn & Cy Tamm (eds.), Widget Typology of East Asia "
     "(pp. 211–238). Oxford: Oxford Widget Press.", ("A. B. Quill",), ("Bo Renn", "Cy Tamm"), "Widget Typology of East Asia",
     2021),
    # Vancouver proceedings: pages after the year
    ("[4] Quill A, Renn B, Tamm C. Surprisal predicts widget amplitude in spoken Dutch. Proc. Widgetspeech 2022; "
     "4501-4505.", ("A. Quill", "B. Renn", "C. Tamm"), (), "Widgetspeech", 2022),
    # a poster at a meeting: its place and month are not its name
    ('Quill AM. "Nowcasting widgets with varying delays." Poster, Joint Widget Meetings (JWM), Toronto, '
     'August 2023.', ("A. M. Quill",), (), "Joint Widget Meetings (JWM)", 2023),
    # an edition number in Roman numerals, the acronym's year in brackets, a place in two parts
    ("Quill, A. (2022). Widget form in port cities. XXIX International Seminar on Widget Form (ISWF 2022), "
     "Łódź, Poland.", ("A. Quill",), (), "International Seminar on Widget Form (ISWF)", 2022),
    ("Quill, A. (2021). Widget ordinals. 43rd Annual Meeting of the Widget Society (WidgetSoc 2021), pp. 1-7.",
     ("A. Quill",), (), "Annual Meeting of the Widget Society (WidgetSoc)", 2021),
    # IEEE proceedings: the place and then the year, each after a comma
    ('[1] A. Quill and B. Renn, "Infill widgets after the 2023 gadget," in Proceedings of the 18th World Conference '
     "on Widget Engineering (18WCWE), Milan, Italy, 2024.", ("A. Quill", "B. Renn"), (),
     "World Conference on Widget Engineering (18WCWE)", 2024),
])
def test_chapters_proceedings_and_meeting_venues(entry, authors, editors, venue, year):
    ref = parse_reference(entry)
    assert (ref.authors, ref.editors, ref.venue, ref.year) == (authors, editors, venue, year)


@pytest.mark.parametrize("venue, cleaned", [
    ("presented at the 243rd Widget Meeting, Boston, MA, USA, May 2023", "Widget Meeting"),
    ("Young Widgeteers' Symposium, WID-COMAD 2024", "Young Widgeteers' Symposium"),  # a host conference's acronym
    ("xi international", "xi international"),  # lower case is no Roman numeral
    ("Journal of May", "Journal of May"),  # a month needs a comma before it
    # Vancouver's meeting: its dates and its place after semicolons
    ("Poster presented at: Widget Annual Meeting; 2023 Oct 18–22; Quillton, IL", "Widget Annual Meeting"),
    # a journal's volume and article number before the year
    ("Widget Journal 19:402, 2020", "Widget Journal"),
    ("Quill Letters 14(3):311, 2021", "Quill Letters"),
    # the meeting a talk was given at, then its host
    ("Talk at WCL 32 (Widget Conference on Linguistics), Quill University", "WCL 32 (Widget Conference on Linguistics)"),
    ("Invited talk at the Widget Forum", "Widget Forum"),
    ("Widget Peat 28: 14, 2022", "Widget Peat"),  # a volume and an article number with a space after the colon
    ("WidgetRxiv preprint, 2025", "WidgetRxiv"),
    # the meeting, and not the series its proceedings appeared in
    ("32nd Widget Symposium on Quill Machinery, published in Widget Conference Series: Quill Science",
     "Widget Symposium on Quill Machinery"),
    # the place shows once the year and the pages are gone
    ("Proc. 2022 IEEE PES/IAS WidgetAfrica Conference, Kigali, Rwanda, 2022, pp. 1-5", "IEEE PES/IAS WidgetAfrica Conference"),
    # ... but fields listed after a workshop's name are no place
    ("Proceedings of the 20th QUILLMORPH Workshop on Research in Phonetics, Phonology, and Morphology, 112–121",
     "QUILLMORPH Workshop on Research in Phonetics, Phonology, and Morphology"),
    # the meeting's short name, then what it is
    ("Proceedings of WidgetNLP 2023, the First Widget Language Processing Conference, pages 211–220, Singapore", "WidgetNLP"),
    ("Paper, WIES 2024 (68th Annual Meeting of the Widget Education Society), Miami.",
     "WIES (68th Annual Meeting of the Widget Education Society)"),
    # a thesis appeared nowhere
    ("MEd thesis, The University of the Widget Isles.", ""),
    ("Doctoral thesis, Quill Institutet; 2023", ""),
    ("Thesis Widget 12(3): 4-9", "Thesis Widget"),
])
def test_venue_trims(venue, cleaned):
    assert _clean_venue(venue) == cleaned


@pytest.mark.parametrize("heading", ["References (own publications)", "Publications and presentations",
                                     "Selected publications", "Peer-reviewed publications:", "Papers",
                                     "Outputs", "Research outputs", "4. RESEARCH OUTPUT"])
def test_reference_headings(heading):
    assert REFERENCE_HEADING.match(heading)


@pytest.mark.parametrize("heading", ["Why the University of Washington", "Publications are important to me",
                                     "Talks"])
def test_headings_that_do_not_open_references(heading):
    assert not REFERENCE_HEADING.match(heading)


@pytest.mark.parametrize("entry, authors, title, venue, year", [
    # chemistry (ACS): surname-first names with initials between semicolons, the journal's abbreviation
    ("(1) Roe, L. M.; Quill, A. B.; Renn, R. C. Mesopore engineering of widgets: effects on gadget tolerance. "
     "Widg. Eng. Chem. Res. 2023, 62 (18), 7041–7053.",
     ("L. M. Roe", "A. B. Quill", "R. C. Renn"), "Mesopore engineering of widgets: effects on gadget tolerance",
     "Widg. Eng. Chem. Res", 2023),
    ("Quill, J. Widget catalysis in water. J. Am. Widget Soc. 2020, 142, 1001-1010.",
     ("J. Quill",), "Widget catalysis in water", "J. Am. Widget Soc", 2020),
    # an entry in review has no venue
    ('Roe, J., Quill-Strand, R., and Renn, L. "Earlier snowmelt decouples widget foraging." (in review)',
     ("J. Roe", "R. Quill-Strand", "L. Renn"), "Earlier snowmelt decouples widget foraging", None, None),
])
def test_chemistry_style_entries(entry, authors, title, venue, year):
    ref = parse_reference(entry)
    assert (ref.authors, ref.title, ref.venue, ref.year) == (authors, title, venue, year)


def test_lettered_entries_with_a_stop_after_the_authors_and_digraph_initials():
    body = ('- [A] J. Roe, A. Quill. "Bayesian widget reserving with weather covariates." Widget Bulletin, 2023.\n'
            '[B] J. Roe, V. Penn, Zh. Omarova. "A coherent stochastic widget model." Under review at Widget Letters.\n')
    refs = listed_references(body)
    assert [(r.title, r.year) for r in refs] == [("Bayesian widget reserving with weather covariates", 2023),
                                                ("A coherent stochastic widget model", None)]
    assert refs[1].authors == ("J. Roe", "V. Penn", "Zh. Omarova")



@pytest.mark.parametrize("entry, marker, venue, submitted_to", [
    ('[A] J. Roe, A. Quill. "Bayesian widget reserving." Widget Bulletin, 2023.', "A", "Widget Bulletin", None),
    # where a paper under review was sent is named, but it is not where the paper appeared
    ("2. Quill A, Roe J. Stock-outs of widgets: a time-series analysis. Under review at Widget Journal.", "2", None,
     "Widget Journal"),
    ('- Quill, A., & Roe, J. "Widget platforms and labour supply." Under review, *Journal of Widget Economics*.', None,
     None, "Journal of Widget Economics"),
    ("Quill A, Roe J. Stock-outs of widgets: a time-series analysis. Under review.", None, None, None),
])
def test_markers_and_where_a_paper_was_submitted(entry, marker, venue, submitted_to):
    ref = parse_reference(entry)
    assert (ref.marker, ref.venue, ref.submitted_to) == (marker, venue, submitted_to)


def test_surname_initial_lines_in_the_body():
    body = ('- Roe J., Penn S. (2021). "Colony size and nesting success of widget birds at the lake." '
            "Widget Ornithology 37: 52-58.\n"
            "Roe J (2020) showed that widgets decay, which is why I study them.\n")
    assert [(r.title, r.year, r.venue) for r in listed_references(body)] == [
        ("Colony size and nesting success of widget birds at the lake", 2021, "Widget Ornithology")]


@pytest.mark.parametrize("entry, venue", [
    ('J. Roe, M. Quill, "Alteration layers on widget glasses," Journal of Widget Solids 556 (2021) 120571.',
     "Journal of Widget Solids"),
    ('J. Roe, "Colour of widget enamels," Widget Technology: European Journal of Widgets Part A 56 (2015) 121–128.',
     "Widget Technology: European Journal of Widgets Part A"),
])
def test_a_volume_before_the_year_is_not_part_of_the_venue(entry, venue):
    assert parse_reference(entry).venue == venue


@pytest.mark.parametrize("entry, title, venue, year", [
    # a quoted title may hold full stops of its own (an abbreviated manuscript shelfmark)
    ('Quill, Ada. 2022. "Widget Glosses in Cod. Wid. 12.3." Widget Quarterly 72 (1): 233–251.',
     "Widget Glosses in Cod. Wid. 12.3", "Widget Quarterly", 2022),
    # a status stands where the year will be
    ('Quill, Ada. Forthcoming. "Widgets in Seventeenth-Century Quillton." Acta Widgetica.',
     "Widgets in Seventeenth-Century Quillton", "Acta Widgetica", None),
    ("Quill, Ada. In press. Widget margins and their readers. Widget Studies.",
     "Widget margins and their readers", "Widget Studies", None),
    # a paper given at a workshop named in quotes: the workshop is the venue, not its place and dates
    ('Quill, Ada. 2023. "Notes on Widgets." Paper presented at the workshop "Widgets from Alexandria to Quillton", '
     "Widget University, 11–12 May 2023.", "Notes on Widgets", "Widgets from Alexandria to Quillton", 2023),
])
def test_quoted_titles_statuses_for_years_and_quoted_workshops(entry, title, venue, year):
    ref = parse_reference(entry)
    assert (ref.title, ref.venue, ref.year) == (title, venue, year)


def test_an_entry_may_open_with_a_surname_particle():
    section = ("References\n\n"
               "de los Quill, Ada Joy M. 2023. “Redox Potential of Widget Soils.” Widget Journal 4: 1–5.\n\n"
               "de los Quill, Ada Joy M., and Bo T. Renn. 2019. “Calibrating Widget Models.” Widget Crops 44: 31–42.\n"
               "continued on a second line.\n")
    entries = split_entries(section)
    assert len(entries) == 2 and entries[1].endswith("continued on a second line.")


def test_a_citation_with_what_it_is_is_no_entry():
    # a résumé's "Quill & Renn (2022): journal article on widgets" names a work without its title
    assert parse_reference("- Quill & Renn (2022): journal article on widget reconstruction (see references)") is None


def test_an_apa_entry_inside_a_sentence_of_prose():
    from sopgraph.references import inline_references

    text = ("This work produced my first paper, which showed the wear of widgets downstream of mines: Roe Quillán, J. E., "
            "Okorie, B. C., & Tamm, D. (2020). Widget wear in riparian soils of the Quill valley. Widget Monitoring and "
            "Assessment, 192(8), 517. The results were later used by the agency. It was published as Roe Quillán, J. E., "
            "& Tamm, D. (2023). Grazing pressure and widget storage in the high Quill. Mountain Widget Research and "
            "Development, 43(2), R1-R11. Later we went on. Following Roe (2021), I think it works.")
    refs = inline_references(text)
    assert [(r.title, r.venue, r.year) for r in refs] == [
        ("Widget wear in riparian soils of the Quill valley", "Widget Monitoring and Assessment", 2020),
        ("Grazing pressure and widget storage in the high Quill", "Mountain Widget Research and Development", 2023)]
    assert refs[0].authors == ("J. E. Roe Quillán", "B. C. Okorie", "D. Tamm")


def test_an_accented_initial_is_an_initial():
    assert split_authors("Quillblay, M.-A., Gagnon, S., & Roy, É.") == ("M. A. Quillblay", "S. Gagnon", "É. Roy")


@pytest.mark.parametrize("entry, title, venue", [
    # a poster's meeting named by its short name, then its long one and its city
    ('- A. Quill, B. Renn, "Widget frames from natural quillite" (poster), WidgetCon 2023 - 5th International '
     'Conference on Widget Frameworks and Porous Quills, Quilltown, 2023.', "Widget frames from natural quillite", "WidgetCon"),
    # a title that ends in a question mark, then its journal with volume and pages
    ("Quill, A. & Renn, B. (2024). Evidential widgets in Quillish: contact or retention? Widgetica 59(1), 45–71.",
     "Evidential widgets in Quillish: contact or retention?", "Widgetica"),
    # the pages, then the city a workshop was held in
    ("Quill, A., Renn, B. & Tamm, C. (2022). Forced alignment of widget speech. In Proceedings of the Fifth "
     "Workshop on Widget Languages (WidgetL-5), 88–97. Quilltown.", "Forced alignment of widget speech",
     "Fifth Workshop on Widget Languages (WidgetL-5)"),
    # a book's place and publisher are no venue
    ("Quill, A. & Renn, B. (2000). Vanishing Widgets: The Extinction of the World's Quills. Quilltown: Widget "
     "University Press.", "Vanishing Widgets: The Extinction of the World's Quills", None),
])
def test_round_thirty_three_entries(entry, title, venue):
    ref = parse_reference(entry)
    assert (ref.title, ref.venue) == (title, venue)


def test_a_referee_under_references_is_no_entry():
    assert parse_reference('Assoc. Prof. Ada Quill, Widget University "St. Quill of Renn"') is None


def test_nlm_lines_in_the_body_are_references():
    text = ("Her doctoral work produced two articles:\n\n"
            "  Quill Renn A, Tamm Widge B, Loft CL. Widget fever in backyard quills: a spatial analysis, 2013-2019. "
            "Frontiers in Widget Science. 2021;8:702315.\n")
    refs = listed_references(text)
    assert [(r.title, r.venue, r.year) for r in refs] == [
        ("Widget fever in backyard quills: a spatial analysis, 2013-2019", "Frontiers in Widget Science", 2021)]


def test_a_submitted_entry_without_a_year():
    ref = parse_reference("[3] Quill, M.L., Renn, O. Probabilistic assessment of widget corrosion in coastal structures. "
                          "Submitted to Construction and Widget Materials.")
    assert (ref.authors, ref.title, ref.year, ref.under_review) == (
        ("M. L. Quill", "O. Renn"), "Probabilistic assessment of widget corrosion in coastal structures", None, True)
    assert ref.submitted_to == "Construction and Widget Materials"


def test_a_surname_whose_particle_is_joined_by_a_hyphen_opens_an_entry():
    section = ("al-Quillasi, Zahra K. 2020. \"The 1946 Widget Protocol on the Control of Quills.\" Widget International "
               "45 (6): 612–629.\n\nal-Quillasi, Zahra K., and Bo Renwick. 2022. \"Upstream Widgets and Downstream "
               "Quills.\" Review of Widget Law 31 (2): 245–257.\n")
    entries = split_entries(section)
    assert len(entries) == 2
    refs = [parse_reference(e) for e in entries]
    assert [r.authors for r in refs] == [("Zahra K. al-Quillasi",), ("Zahra K. al-Quillasi", "Bo Renwick")]
    # and written as lines of the body, outside a reference section
    assert [r.title for r in listed_references(section)] == ["Upstream Widgets and Downstream Quills"]
