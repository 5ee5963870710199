"""Research interests: interest lists, degree mentions, scheme filtering, recurring phrases.

Every sentence here is written for these tests; none comes from an evaluation document.
"""
import pytest

from sopgraph.interest_lists import list_items, names_a_degree, topic_phrase
from sopgraph.interests import _Evidence, _worth_keeping, find_interests
from sopgraph.pipeline.topics import TOPICS_KEY
from sopgraph.topics import TopicScheme


def _items(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [item.text for sent in doc.sents for item in list_items(sent)]


@pytest.mark.parametrize("text, expected", [
    # a copula after "my interests" opens the list; ", and I ..." closes it
    ("My research interests are coral reef ecology, ocean acidification and larval dispersal, and I am "
     "applying to the program to pursue them.",
     ["coral reef ecology", "ocean acidification", "larval dispersal"]),
    # "lie at the intersection of" is bridged
    ("Her interests lie at the intersection of soil chemistry, nutrient cycling and crop modelling.",
     ["soil chemistry", "nutrient cycling", "crop modelling"]),
    # a relative clause ends an item; the next item after a comma still counts
    ("I am interested in glacier dynamics that respond to warming, in sea-level projections that span "
     "centuries, and in ice sheets.",
     ["glacier dynamics", "sea-level projections", "ice sheets"]),
    # a prepositional phrase ends an item, and its inner "and" does not start a new one
    ("I want to join a lab whose research on fraud detection for small and rural banks inspires me.",
     ["fraud detection"]),
    # a leading gerund with an object is an activity: its object is the topic
    ("I am also interested in using agent-based models to study traffic.", ["agent-based models"]),
    # a generic head with "of" gives way to what follows it
    ("My undergraduate thesis on the theory of labor market matching won a prize.", ["labor market matching"]),
    # "(1) X, (2) Y" after a list noun and a colon
    ("My lab will pursue two directions: (1) coastal flood risk, (2) storm surge forecasting.",
     ["coastal flood risk", "storm surge forecasting"]),
    # a question after the cue: its subject lists the topics, its verb ends the list, one word is no field
    ("I am interested in how bacteria share resistance genes.", []),
    ("I'm interested in how monetary and widget-rate shocks reach households, and in how they end.",
     ["monetary shocks", "widget-rate shocks"]),
    ("For my master's, I studied how widget decomposition and gadget respiration vary along a gradient.",
     ["widget decomposition", "gadget respiration"]),
    # a question of degree lists nothing
    ("I want to study how much of a widget's lighting can be recovered.", []),
    # "such as" examples are not items of their own
    ("My focus is on regional dialects such as Sicilian and Neapolitan.", ["regional dialects"]),
    # without an owner "interest" is not a cue: "the interest rate is ..."
    ("The interest rate is a policy instrument.", []),
    # a lone modifier before "and" shares the next item's head
    ("My interests are supervised and unsupervised widget learning.",
     ["supervised widget learning", "unsupervised widget learning"]),
    ("I am interested in theoretical and computational glaciology.",
     ["theoretical glaciology", "computational glaciology"]),
    # two whole phrases keep their own heads
    ("My interests include coral ecology and ocean acidification.", ["coral ecology", "ocean acidification"]),
    # an acronym the model takes for a name is a term inside a phrase
    ("My research interests are massive WIDGO arrays and WRAM reliability.", ["massive widgo arrays", "wram reliability"]),
    # a short gloss in brackets does not end the list
    ("My interests include glacier dynamics (GD) and ice sheet modelling.", ["glacier dynamics", "ice sheet modelling"]),
    # the applicant's own thesis or project as the subject of a cue verb, in any tense
    ("My thesis studied glacier calving on tidewater fronts.", ["glacier calving"]),
    ("Our project explores coral bleaching and larval dispersal.", ["coral bleaching", "larval dispersal"]),
    ("Her paper examined widget theory in detail.", []),
    # in a statement written in the third person, "she" and "her thesis" are the applicant
    ("She is applying to the PhD program. She studies coral bleaching and larval dispersal. Her thesis examined "
     "glacier calving. She has two sisters.", ["coral bleaching", "larval dispersal", "glacier calving"]),
    # after a colon or an enumerator semicolons separate items; a relative clause ends only its item
    ("My research interests are: (i) widget kinetics; (ii) gadget folding that combines assays; and (iii) the "
     "dynamics of sprocket proteins.", ["widget kinetics", "gadget folding", "dynamics of sprocket proteins"]),
    ("Going forward, I am interested in: widget scheduling; gadget reliability; and sprocket caching.",
     ["widget scheduling", "gadget reliability", "sprocket caching"]),
    # without them a semicolon ends the list
    ("I am interested in widget scheduling; my brother is not.", ["widget scheduling"]),
    # a hyphenated modifier shares the head too
    ("My interests are time-resolved and temperature-aware widget imaging.",
     ["time-resolved widget imaging", "temperature-aware widget imaging"]),
    # "broadly" introduces the item, it is not part of it
    ("My interests are gadget fairness and, more broadly, widget learning.", ["gadget fairness", "widget learning"]),
    # "the intersection of" opens a list; the cue's preposition may come after who supervised the work
    ("I want to work at the intersection of widget algorithms, sketching, and gadget streams.",
     ["widget algorithms", "sketching", "gadget streams"]),
    ("Since 2022 I have worked under the supervision of Prof. Ada Quill on fully dynamic widget connectivity.",
     ["fully dynamic widget connectivity"]),
    ("I worked for two years on a farm.", ["farm"]),
])
def test_list_items(nlp, text, expected):
    assert _items(nlp, text) == expected


@pytest.mark.parametrize("text, label, variants", [
    # a trailing "methods" is dropped from the label but kept as a variant
    ("My interests include survey sampling methods.", "survey sampling", ("survey sampling methods",)),
    # the part after "of" is a variant of the whole
    ("My interests include statistical models of bird migration.", "statistical models of bird migration",
     ("bird migration",)),
])
def test_list_item_variants(nlp, text, label, variants):
    doc = nlp(text)
    [item] = [i for sent in doc.sents for i in list_items(sent)]
    assert (item.text, item.variants) == (label, variants)


@pytest.mark.parametrize("text, phrase, expected", [
    ("I received my B.Sc. in civil engineering in 2019.", "civil engineering", True),
    ("My degree was in mechanical engineering, but I moved on.", "mechanical engineering", True),
    ("I study civil engineering problems in flood-prone cities.", "civil engineering", False),
    ("I am interested in robotics for agriculture.", "robotics", False),
])
def test_names_a_degree(nlp, text, phrase, expected):
    doc = nlp(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert names_a_degree(span) is expected


@pytest.mark.parametrize("evidence, depth, kept", [
    (_Evidence(mentions=1, multiword=True), 3, True),      # one specific phrase
    (_Evidence(mentions=1, multiword=False), 3, False),    # one bare word ("optics")
    (_Evidence(mentions=3, multiword=False), 1, False),    # a broad area named only by one word
    (_Evidence(mentions=2, multiword=True), 1, True),      # a broad area named by a phrase, twice
    (_Evidence(mentions=1, multiword=True), 1, False),     # ... once
    (_Evidence(mentions=5, multiword=True), 0, False),     # a whole discipline
    (_Evidence(mentions=1, multiword=False, listed=True), 0, True),  # but anything listed
])
def test_worth_keeping(evidence, depth, kept):
    assert _worth_keeping(evidence, depth) is kept


def _interests(nlp, text: str) -> list:
    doc = nlp(text)
    assert TOPICS_KEY in doc.spans
    return find_interests(doc, TopicScheme.load(), lambda span: True, 15)


def test_listed_phrases_outside_the_scheme_are_interests(nlp):
    text = "My research interests are kelp forest restoration and urchin barrens."
    labels = [i.label for i in _interests(nlp, text)]
    assert labels == ["kelp forest restoration", "urchin barrens"]


@pytest.mark.parametrize("text, expected", [
    # one word outside the scheme is too often a generic noun to count as an interest
    ("My research interests are kelp forest restoration and policy.", ["kelp forest restoration"]),
    # a role is not a research area
    ("My interests include kelp forest restoration and the research assistant role.", ["kelp forest restoration"]),
])
def test_listed_words_that_are_not_interests(nlp, text, expected):
    assert [i.label for i in _interests(nlp, text)] == expected


@pytest.mark.parametrize("text, phrase", [("widget regularity", "widget regularity"), ("reg J(G)^(s", None),
                                          ("the x_1 bound", None)])
def test_a_formula_is_not_a_topic_phrase(nlp, text, phrase):
    doc = nlp(text)
    item = topic_phrase(list(doc), doc[:])
    assert (item.text if item else None) == phrase


@pytest.mark.parametrize("mentions, found", [(1, False), (2, True)])
def test_recurring_phrases_fill_the_list(nlp, mentions, found):
    text = " ".join(["We measured grain boundary diffusion in the furnace."] * mentions)
    labels = [i.label for i in _interests(nlp, text)]
    assert ("grain boundary diffusion" in labels) is found


def test_degree_subject_is_not_an_interest(nlp):
    text = ("I received my B.Sc. in Civil Engineering. My degree in civil engineering was demanding. "
            "My research interests are kelp forest restoration.")
    labels = [i.label for i in _interests(nlp, text)]
    assert "civil engineering" not in labels
    assert "kelp forest restoration" in labels


@pytest.mark.parametrize("text, expected", [
    # the object of "for" is kept when a process noun names it ("surveillance", "forecasting")
    ("I want to study hierarchical models for flood forecasting.", ["hierarchical models", "flood forecasting"]),
    ("My focus is on credit scoring for small and rural banks.", ["credit scoring"]),
    # "I study X" / "(I want) to investigate X" open a list like "interested in X" does
    ("In my PhD I will investigate soil carbon dynamics and nitrogen leaching.",
     ["soil carbon dynamics", "nitrogen leaching"]),
    # ... but not a past degree subject, nor someone else's study
    ("I studied chemistry at a small college.", []),
    ("The report explores wage inequality in detail.", []),
])
def test_cue_verbs_and_for_tails(nlp, text, expected):
    assert _items(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    # one line after "interested in:" is read as a list; what describes its items is detail
    ("Concretely, I am interested in:\ncoral bleaching thresholds under heat stress;\n"
     "larval dispersal in reef networks.\n\nI also enjoy teaching.",
     ["coral bleaching thresholds", "larval dispersal"]),
    # a blank line may follow the colon
    ("My research interests are:\n\nglacier calving\nice shelf fracture\n\nWhy this program",
     ["glacier calving", "ice shelf fracture"]),
    # a colon without a cue is not a list of interests
    ("We bought the following:\nfield notebooks\nrain gear\n", []),
    # a heading that names interests, then one item per line (bullet markers already stripped)
    ("I enjoyed the fieldwork.\n\nResearch interests\n\nglacier calving and ice dynamics\n"
     "sea-level projections, especially tipping points\n\nWhy this program\n\nThe faculty is strong.",
     ["glacier calving", "ice dynamics", "sea-level projections"]),
    ("I enjoyed the fieldwork.\n\nAreas of interest:\n\ncoral bleaching\nlarval dispersal\n\nThe faculty is strong.",
     ["coral bleaching", "larval dispersal"]),
    # any other heading over lines is not a list of interests
    ("I enjoyed the fieldwork.\n\nEquipment\n\nfield notebooks\nrain gear\n\nThe faculty is strong.", []),
    # a heading ending in a full stop, bullets left in the text, a line listing parts after a colon,
    # and a line whose modifiers share a head
    ("I enjoyed the fieldwork.\n\nResearch interests.\n- Stochastic and robust glacier modelling\n"
     "- Inversion methods: crevasse mechanics, ice mélange dynamics\n\nEducation. B.Sc. in Physics.",
     ["stochastic glacier modelling", "robust glacier modelling", "inversion", "crevasse mechanics",
      "ice mélange dynamics"]),
    # what describes a line's item is not a further item
    ("Research interests:\n- glacier calving with heterogeneous ice (different shelves, different amounts of data)\n"
     "\nWhy this program", ["glacier calving"]),
    # a profile's heading, then indented lines of items between semicolons, each item whole
    ("I enjoyed the fieldwork.\n\nINTERESTS\n  glacier calving; ice mélange dynamics; transition to warmer fjords;\n"
     "  crevasse mechanics; sea-level rise in small islands\n\nWhy this program",
     ["glacier calving", "ice mélange dynamics", "transition to warmer fjords", "crevasse mechanics",
      "sea-level rise in small islands"]),
])
def test_one_item_per_line_after_a_cue_or_under_an_interest_heading(nlp, text, expected):
    assert _items(nlp, text) == expected


def test_umbrella_concept_gives_way_to_a_narrower_one(nlp):
    text = ("Federated learning is the core of my work, and federated learning with heterogeneous "
            "clients is my thesis. I also use machine learning and machine learning again.")
    labels = [i.label for i in _interests(nlp, text)]
    assert "federated learning" in labels
    assert "machine learning" not in labels


def test_listed_umbrella_concept_is_kept(nlp):
    labels = [i.label for i in _interests(nlp, "My research interests are machine learning and federated learning.")]
    assert {"machine learning", "federated learning"} <= set(labels)


@pytest.mark.parametrize("text, broader", [
    # a free phrase ending in a two-word label narrows that concept
    ("My research interests are tokenization-free language models and kelp forest restoration.",
     {"tokenization-free language models": "language models", "kelp forest restoration": None}),
    # a one-word label at the end is too often another sense of the word
    ("My research interests are widget optimization and urchin barrens.",
     {"widget optimization": None, "urchin barrens": None}),
])
def test_free_phrases_point_to_the_concept_they_narrow(nlp, text, broader):
    scheme = TopicScheme.load()
    found = {i.label: (scheme.get(i.broader).pref_label if i.broader else None) for i in _interests(nlp, text) if not i.iri}
    assert found == broader


def test_an_interest_list_opens_after_whose_work_it_is(nlp):
    text = "I am equally interested in Dr. Henrik Quillsen's large-deformation modelling with the point method."
    assert _items(nlp, text) == ["large-deformation modelling"]


@pytest.mark.parametrize("passage, absent", [
    # the words of an organisation's or a journal's name are no interest of the applicant's
    ("I hold a BSc in Community Nutrition from the University for Development Studies (UDS), which I completed in "
     "2017, and I now work on child growth.", "development studies"),
    ("Quill and Roe, in a 2020 paper in Nature Climate Change, argued that part of this bias comes from "
     "the way parameters are tuned.", "climate change"),
])
def test_words_of_a_name_are_no_interest(extractor, passage, absent):
    from tests.test_pipeline_stages import _with_body

    ext = _with_body(extractor, passage)
    topics = {m.label for m in ext.mentions if m.kind == "topic"}
    assert absent not in topics


@pytest.mark.parametrize("text, label, broader", [
    # a concept only ever named narrowed by a modifier of its own is that narrower phrase, filed under it
    # (filed under a concept of two words or more only: "food security" is no kind of "security")
    ("I trained in veterinary epidemiology and I want to study veterinary epidemiology of widget farms.",
     "veterinary epidemiology", None),
    # a hyphen-joined modifier narrows it too
    ("My thesis fitted drift-diffusion models to widget choices, and drift-diffusion models are my main tool.",
     "drift-diffusion models", "diffusion models"),
])
def test_a_concept_named_only_narrowed_is_the_narrower_phrase(nlp, text, label, broader):
    scheme = TopicScheme.load()
    found = {i.label: (scheme.get(i.broader).pref_label if i.broader else None) for i in _interests(nlp, text)}
    assert label in found and found[label] == broader
    assert broader not in found and "epidemiology" not in found


def test_a_concept_also_named_bare_stays_the_concept(nlp):
    labels = {i.label for i in _interests(nlp, "I studied epidemiology at Quill University, and veterinary epidemiology "
                                                "of widget farms is my interest; epidemiology is my field.")}
    assert "epidemiology" in labels
