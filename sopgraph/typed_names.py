"""Names the text itself types: organisations ("X, an AI start-up", "clients such as X and Y",
"my internship at XYZ") and people ("Professors X, Y, and Z", "X, then a postdoc at Y").

The statistical NER misses many small organisations (start-ups, studios, open-source
foundations) or calls them PERSON or PRODUCT; the sentence often says what they are. A
proper-name phrase in apposition to, or listed as an example of, an organisation noun is
taken as an organisation of the kind that noun names.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from . import titles
from .names import TITLE_BEFORE_NAME

# Organisation nouns and the sopgraph subtype they imply (None: just an Organization).
ORG_NOUNS: dict[str, str | None] = {
    "startup": "Company", "start-up": "Company", "company": "Company", "firm": "Company", "studio": "Company",
    "corporation": "Company", "consultancy": "Company", "employer": "Company", "client": "Company",
    "customer": "Company", "bank": "Company", "agency": None, "organization": None, "organisation": None,
    "nonprofit": None, "non-profit": None, "ngo": None, "charity": None, "foundation": None, "society": None, "club": None,
    "community": None, "institute": None, "lab": "ResearchGroup", "laboratory": "ResearchGroup",
    "group": "ResearchGroup", "university": "University", "college": "University", "school": None,
    "association": None, "cooperative": None, "hospital": None, "museum": None, "publisher": "Company",
}
_EXAMPLE_PREPS = frozenset({"as", "including", "like"})
# Kinds of body a text names right before the name ("the NGO X"); not "the lab X" or "the school X",
# which are more often the first words of the name itself.
_KINDS_BEFORE_A_NAME = frozenset({"ngo", "charity", "nonprofit", "startup", "start-up", "company", "firm", "consultancy",
                                  "foundation"})
_DETERMINERS = frozenset({"the", "a", "an", "my", "our", "its", "their", "his", "her"})


def _lemma(tok: Token) -> str:
    # (relations.lemma, with its fixes, imports this module: the plain lemma here)
    return (tok.lemma_ or tok.lower_).lower()


def _name_span(tok: Token) -> Span | None:
    """The proper-name phrase headed by ``tok`` (compounds included), if it looks like a name."""
    if tok.pos_ not in ("PROPN", "NOUN", "X") or not (tok.text[:1].isupper() or any(c.isupper() for c in tok.text[1:])):
        return None
    left = tok.i
    # Walk left over the rest of the name: capitalised words and the dots of "Pvt. Ltd.".
    while left > 0 and tok.i - left < 6 and (tok.doc[left - 1].text[:1].isupper() or tok.doc[left - 1].text == ".") \
            and not tok.doc[left - 1].is_sent_start and tok.doc[left - 1].pos_ in ("PROPN", "NOUN", "PUNCT", "ADJ"):
        left -= 1
    while left < tok.i and tok.doc[left].is_punct:
        left += 1
    span = tok.doc[left:tok.i + 1]
    if span.text.lower() in ORG_NOUNS or any(t.like_num and len(t) < 3 for t in span):
        return None
    return span


def _in_bracketed_list(span: Span) -> bool:
    """"a client (Widgetq, QuillSQL, Inkernetes, …)": one item of a list in brackets, no name of the body."""
    doc = span.doc
    opening = next((k for k in range(span.start - 1, max(-1, span.start - 12), -1) if doc[k].text in ("(", ")")), None)
    if opening is None or doc[opening].text != "(":
        return False
    closing = next((k for k in range(span.end, min(len(doc), span.end + 20)) if doc[k].text in ("(", ")")), len(doc))
    return sum(t.text == "," for t in doc[opening:closing]) >= 2


def _conjuncts(tok: Token) -> Iterator[Token]:
    yield tok
    for c in tok.conjuncts:
        yield c


def _place_after_a_name(span: Span) -> bool:
    """"… at the Institute of Science (IISc), Bengaluru", "the Widget Institute (WI) in Quillton, the national
    …": a place written after another name."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text not in (",", "in") or not all(t.ent_type_ in ("GPE", "LOC") for t in span):
        return False
    before = doc[span.start - 2]
    return before.text == ")" or (before.pos_ == "PROPN" and before.ent_type_ in ("ORG", "FAC"))


def _place_before_a_bracketed_kind(span: Span, noun: Token) -> bool:
    """"Widget Labs, Quillton (fintech start-up)": the kind in brackets (or after a dash) is the earlier name's; the short
    name between the comma and the bracket, which the model does not read as a body, is where it is
    (whatever else the model makes of a town it does not know)."""
    doc = span.doc
    # ("Widget Aid (WA), Quillton — a small NGO": the kind after a dash, the name before the comma closing a bracket)
    return span.start >= 2 and doc[span.start - 1].text == "," and len(span) <= 2 and span.end < len(doc) \
        and doc[span.end].text in ("(", "—", "–") and noun.i - span.end <= 6 \
        and (doc[span.start - 2].pos_ == "PROPN" or doc[span.start - 2].text == ")") \
        and not any(t.ent_type_ == "ORG" for t in span)


def typed_org_names(doc: Doc) -> Iterator[tuple[Span, str | None]]:
    """Yield ``(name span, subtype)`` for names the text types with an organisation noun."""
    for tok in doc:
        noun = _lemma(tok)
        if noun == "up" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "start":
            noun = "start-up"  # the tokenizer splits "start-up" into three tokens
        if noun not in ORG_NOUNS or (tok.pos_ != "NOUN" and noun != "start-up" and tok.text != "NGO"):
            continue
        subtype = ORG_NOUNS[noun]
        # "the NGO Widget Aid", "the charity Widgetaid": the kind of body, then its name, which it modifies
        if noun in _KINDS_BEFORE_A_NAME and tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.i > 0 \
                and doc[tok.i - 1].lower_ in _DETERMINERS:
            name = tok.head
            while name.dep_ == "compound" and name.head.pos_ == "PROPN" and name.head.i > name.i:
                name = name.head
            span = doc[tok.i + 1:name.i + 1]
            if 1 <= len(span) <= 5 and all(t.text[:1].isupper() for t in span):
                yield span, subtype
        # "Quorvia Labs, an AI start-up": the name governs the noun through apposition.
        # ("a neighbourhood in Widgetpalapa, not a museum": what the name is not)
        if tok.dep_ == "appos" and not any(t.lower_ == "not" for t in doc[tok.head.i:tok.i]):
            span = _name_span(tok.head)
            if span is not None and not _in_bracketed_list(span) and not _place_after_a_name(span) \
                    and not _place_before_a_bracketed_kind(span, tok):
                yield span, subtype
        for child in tok.children:
            # "the start-up Quorvia Labs", "his start-up, Pixelwright"
            if child.dep_ in ("appos", "compound") and child.i > tok.i:
                span = _name_span(child)
                if span is not None and not _place_after_a_name(span) and not _in_bracketed_list(span):
                    yield span, subtype
            # "clients such as X, Y and Z", "organizations, including X and Y"
            if child.dep_ == "prep" and child.lower_ in _EXAMPLE_PREPS:
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    for item in _conjuncts(pobj):
                        span = _name_span(item)
                        if span is not None:
                            yield span, subtype


# "my internship at QXLAB", "I worked at NRDC", "I studied economics at ITQM": a bare acronym
# where one works or studies is an organisation (a university, for studying).
_PLACE_WORDS: dict[str, str | None] = {
    **dict.fromkeys(("internship", "intern", "job", "position", "role", "work", "employ", "placement", "stint")),
    **dict.fromkeys(("study", "degree", "major", "bachelor", "undergraduate", "graduate", "enrol", "enroll"), "University"),
}


_AT_ACRONYM = re.compile(r"\bat\s+(?:the\s+)?\**[A-Z]{2,8}\b")


def workplace_acronyms(doc: Doc, text: str | None = None) -> Iterator[tuple[Span, str | None]]:
    """Yield ``(acronym, subtype)`` for all-capital acronyms after "at" on a word for working or studying.

    ``text`` is ``doc.text`` when the caller has it already (``Doc.text`` joins every token anew).
    """
    if not _AT_ACRONYM.search(doc.text if text is None else text):
        return  # most statements have none: a regex is far cheaper than walking every token
    for tok in doc:
        if not (tok.is_upper and tok.is_alpha and 2 <= len(tok) <= 8) or tok.ent_type_ in ("GPE", "LOC", "PERSON"):
            continue
        if tok.dep_ != "pobj" or tok.head.lower_ != "at" or tok.i == 0:
            continue
        governor = _lemma(tok.head.head)
        if governor in _PLACE_WORDS:
            yield doc[tok.i:tok.i + 1], _PLACE_WORDS[governor]


# Awards that name who gives them: "a scholarship of X", "a fellowship from X", "a grant by X".
AWARD_NOUNS = frozenset({"scholarship", "fellowship", "grant", "funding", "award", "bursary", "stipend", "studentship"})
_FUNDER_ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}[a-z]?")  # "DAAD", "NSERC", "CNPq"


def funder_acronyms(doc: Doc) -> Iterator[tuple[Span, str | None]]:
    """Yield acronyms that give an award: "a scientific initiation scholarship of X", "a doctoral
    fellowship abroad from X". The model rarely knows a national funding agency's acronym."""
    for tok in doc:
        if not _FUNDER_ACRONYM.fullmatch(tok.text) or sum(c.isupper() for c in tok.text) < 2 or tok.i < 2 \
                or tok.ent_type_ in ("GPE", "LOC", "PERSON", "NORP") or doc[tok.i - 1].lower_ not in ("of", "from", "by"):
            continue
        window = doc[max(tok.sent.start, tok.i - 5):tok.i - 1]
        if any(_lemma(t) in AWARD_NOUNS for t in window):
            yield doc[tok.i:tok.i + 1], None


# Posts: "a consultant role at X", "an intern at X", "a security engineer at X".
JOB_NOUNS = frozenset({"role", "position", "job", "engineer", "consultant", "analyst", "developer", "scientist",
                       "researcher", "intern", "internship", "technician", "assistant", "manager", "officer",
                       "coordinator", "lecturer", "specialist", "programmer", "statistician", "economist",
                       "postdoc", "trainee", "apprentice", "teacher", "instructor", "nurse", "pharmacist", "veterinarian",
                       "physician", "dentist", "surgeon", "editor", "journalist", "librarian", "archivist", "curator",
                       "actuary", "accountant", "planner", "lawyer", "clerk", "counsel", "therapist", "psychologist",
                       "counsellor", "counselor", "pathologist", "midwife", "paramedic", "technologist", "translator",
                       "interpreter", "archaeologist", "excavator", "conservator", "surveyor", "tutor", "linguist",
                       "anthropologist", "historian", "geologist", "chemist", "biologist", "ecologist", "epidemiologist",
                       "sociologist", "agronomist", "hydrologist", "nutritionist", "physiotherapist"})
# What a name after "at" may be the place of: a post, or working itself.
_INNER_CAPITAL = re.compile(r"^[a-z]{1,2}[A-Z][a-z]{2,}$")
_JOB_HOLDERS = JOB_NOUNS | {"associate", "volunteer", "work", "placement"}


def workplace_names(doc: Doc) -> Iterator[tuple[Span, str | None]]:
    """Yield proper names after "at" on a post ("a process engineering intern at PT Widget Indonesia")
    and the proper name one joined ("I joined Widgetplats at its mine in 2015"): the model often misses
    a small or foreign employer, or calls it a person."""
    for tok in doc:
        # "a data analyst with mQuill": a name written with a small letter first and a capital inside
        inner_capital = bool(_INNER_CAPITAL.match(tok.text))
        if tok.pos_ != "PROPN" or not (tok.text[:1].isupper() or inner_capital):
            continue
        # (the model may call a one-word employer a person: "joined Widgetplats …, first as a trainee")
        if tok.dep_ == "dobj" and _lemma(tok.head) == "join" and (tok.ent_type_ in ("", "ORG") or (
                tok.ent_type_ == "PERSON" and any(t.lower_ == "as" and any(_lemma(c) in JOB_NOUNS for c in t.children)
                                                  for t in tok.head.subtree))):
            span = _name_span(tok)
            if span is not None and len(span) <= 5 and not span.text.isupper():
                yield span, None
            continue
        if tok.dep_ != "pobj":
            continue
        # "an offer from Widgetsol to join its team": who offers a post employs people (a person has a title)
        offer = tok.head.lower_ == "from" and _lemma(tok.head.head) == "offer" and tok.ent_type_ != "PERSON"
        # "an analyst with X": a post held with a body (not "work with X", which may be a partner)
        post_with = tok.head.lower_ == "with" and _lemma(tok.head.head) in JOB_NOUNS and tok.ent_type_ != "PERSON"
        if not offer and not post_with and (tok.head.lower_ != "at" or _lemma(tok.head.head) not in _JOB_HOLDERS):
            continue
        span = _name_span(tok)
        # (the model often takes a small employer for a place; a country named so stays a place)
        if span is None or (not offer and all(t.ent_type_ in ("GPE", "LOC") for t in span)) or len(span) > 5 \
                or span.text.isupper():
            continue  # an acronym is read by workplace_acronyms, where a definition may expand it
        yield span, None


# The small words inside an employer's name on a résumé line ("Widgets para la Quill", "Bank of Widgetia").
_NAME_LINKS = r"(?:de|del|la|los|las|do|da|dos|das|di|du|des|para|y|e|et|of|for|and|the|&)"


# "IDEO (Summer 2022) — Design Research Intern.": a résumé line opening with an employer, its dates in
# brackets, then the post.
_CV_EMPLOYER_LINE = re.compile(r"^([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*\(([^()\n]*\b(?:19|20)\d{2}\b[^()\n]*)\)"
                               r"\s*[—–:-]\s*([^\n.]{0,60})", re.M)


# "- Widgetas para la Quill (Widgets for Quill) — housing programme coordinator, 2023–present.": a résumé
# line opening with an employer (its other name in brackets), a dash set apart by spaces, then the post and
# its dates.
_CV_NAME_THEN_POST = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?([A-ZÀ-ÖØ-Þ][\w&.'’-]*(?:[ \t]+(?:[A-ZÀ-ÖØ-Þ][\w&.'’-]*|"
                                + _NAME_LINKS + r")){0,6})(?:[ \t]*\([^()\n]{1,60}\))?[ \t]+[—–][ \t]+"
                                r"([^\n]{0,80}?)\b(?:19|20)\d{2}", re.M)


# The posts a résumé line names (the words of a sentence about a job are JOB_NOUNS; a "fellow" in prose is
# also a peer, but a line's "Fellow, X (2021)" is a post)
CV_POSTS = JOB_NOUNS | {"designer", "architect", "fellow", "volunteer"}


# "Archival assistant, Widget Fonoteca (2021–2023)", "Music teacher, Colegio Widget de Quill (2023–present)":
# a résumé line opening with a post, then the employer's name and its dates in brackets.
# The name may carry its acronym or its country in brackets and a description after a comma ("Legal intern,
# Widget Authority (WA), the national regulator (2019)"), and its dates may follow a comma ("Intern, Widget AG
# (Austria), summer 2022"); a capitalised word after the comma names something else ("Teaching assistant,
# Widgetry I, Quill University (2022)": a course, then the employer).
_CV_POST_LINE = re.compile(r"^[ \t]*((?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+),\s+([A-Z][\w&.'’-]*(?:\s+(?:" + _NAME_LINKS
                           + r"\s+)*[A-Z][\w&.'’-]*){0,6})(?:\s*\([A-Z][\w&-]{1,20}\))?"
                           r"(?:,\s+[a-z][^()\n]{0,80})?(?:\s*\((?:[^()\n]*\b)?|,\s*(?:[A-Za-z]+\s+)?)(?:19|20)\d{2}\b", re.M)


# "2022–present: Actuarial Analyst, Widget Assurance JSC, Almaty.", "Summer 2021: Intern, Pricing, Widget Re, Munich.":
# a résumé line opening with its dates (then a colon, a dash or a space: "2021-present  Junior architect, 3WX,
# Zagreb"), then the post and the parts of where it was held, comma-separated (a part in lower case may come
# first: "Contract archaeologist, rescue excavations in Quilltown, Widget Service").
# What was done there may close the parts in lower case ("2020: Volunteer, Widget Aid, speech camps.") or in
# sentences of their own ("…, Quillton. Caseload of 25 children …").
_DATED_POST_LINE = re.compile(r"^[ \t]*(?:[A-Z][a-z]+\.?\s+)?(?:19|20)\d{2}(?:\s*[-–]\s*(?:(?:19|20)\d{2}|present|now|today))?"
                              r"(?:\s*[:–—]\s*|[ \t]+)((?:[A-Za-z&-]+\s+){0,3}[A-Za-z-]+)(?:\s*\([^()\n]{0,30}\))?"
                              r"(?:,\s+[a-z][^,\n(]{0,60}?)?"
                              r"((?:,\s+[A-Z0-9\u00C0-\u00D6\u00D8-\u00DE][^,\n(]{1,80}?(?:\s*\([^()\n]{1,40}\))?){1,4})(?:,\s+[a-z][^,\n(]{0,80}?)?(?:\.?[ \t]*$|(?<![A-Z][a-z])\.\s+(?=[A-Z]))", re.M)
_BRACKETED_TAIL = re.compile(r"\s*\([^()\n]*\)\s*$")  # "Widgets without Borders (WWB)": the name without its acronym
# "…, Widget International, Ruritania office": where the employer's office is, no employer.
_PLACE_UNITS = frozenset({"office", "offices", "branch", "campus", "headquarters", "hq", "site"})
_COUNTY_WORDS = frozenset({"Co.", "County", "Province", "Prov.", "District"})  # "…, Co. Galway": a county


def _ends_in_a_post(words: str) -> bool:
    """"Part-time legal counsel", "Archival assistants": the last word names a post."""
    return words.split()[-1].lower().rstrip("s") in CV_POSTS


def cv_line_employers(doc: Doc, text: str | None = None) -> Iterator[tuple[Span, str | None]]:
    """Yield the employer of a résumé line: opening it ("Widgetco (2022–2023) — UX Designer"), when
    the words after the dash name a post, or after the post ("Archival assistant, Widgetco (2021–2023)",
    "2021–2023: Analyst, Widgetco, Quillton.")."""
    text = doc.text if text is None else text
    # (line, its group naming the post, the test of that group, its group naming the employer)
    def names_a_post(words: str) -> bool:
        return any(w.lower().rstrip("s") in CV_POSTS for w in re.findall(r"[A-Za-z]+", words))

    for line, post, test, employer in (
            (_CV_EMPLOYER_LINE, 3, names_a_post, 1),
            (_CV_NAME_THEN_POST, 2, lambda words: names_a_post(words) or "internship" in words.lower(), 1),
            (_CV_POST_LINE, 1, _ends_in_a_post, 2)):
        for m in line.finditer(text):
            if not test(m.group(post)):
                continue
            span = doc.char_span(m.start(employer), m.end(employer), alignment_mode="contract")
            if span is not None and len(span):
                yield span, None
    for m in _DATED_POST_LINE.finditer(text):
        if not _ends_in_a_post(m.group(1)):
            continue
        # the last part that is not a place: "…, Widget Re, Munich" is Widget Re's post in Munich (a last
        # part of one word after another part is the city, whatever the model calls it)
        parts = [p for p in re.finditer(r"[^,]+", m.group(2)) if p.group().strip()]
        county = False
        for k in range(len(parts) - 1, -1, -1):
            part = parts[k]
            # ("…, Widget Aid (WA), Quillton — a small NGO": what follows a dash set apart describes the part;
            # a typewriter's dash is two hyphens, "Quillton -- Jan to Jun only")
            words = re.split(r"\s+(?:[—–]|--)\s+", part.group())[0]
            start = m.start(2) + part.start() + len(words) - len(words.lstrip())
            end = m.start(2) + part.start() + len(_BRACKETED_TAIL.sub("", words).rstrip(". \t"))
            span = doc.char_span(start, end, alignment_mode="contract")
            if span is None or not len(span):
                break
            # (a short part after a name with its acronym in brackets is its place: "…, Widget Institute (WI), Hòa Lạc")
            # (a short part before a county is its town: "…, Widget Board, Na Quillbacha, Co. Galway")
            town = county and k > 0 and len(span) <= 2
            county = k > 0 and span[0].text in _COUNTY_WORDS
            if all(t.ent_type_ in ("GPE", "LOC") or t.is_punct for t in span) or (k > 0 and len(span) == 1) or county or town \
                    or (k > 0 and len(span) <= 3 and (span[-1].lower_ in _PLACE_UNITS or parts[k - 1].group().rstrip().endswith(")"))):
                continue
            yield span, None
            break


_PLURAL_TITLE_TEXT = re.compile(r"\b" + titles.alternation("plural") + r"(?!\w)")
_PLURAL_TITLES = titles.words("plural")
_LIST_JOINERS = frozenset({",", "and", "&"})


def plural_title_names(doc: Doc, text: str | None = None) -> Iterator[Span]:
    """Yield each name of "Professors Okafor, Lindqvist, and Raman" (a title in the plural types them all).

    ``text`` is ``doc.text`` when the caller has it already.
    """
    if not _PLURAL_TITLE_TEXT.search(doc.text if text is None else text):
        return
    for tok in doc:
        if tok.lower_.rstrip(".") not in _PLURAL_TITLES or not tok.text[:1].isupper():
            continue
        i = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text == ".")
        names: list[Span] = []
        while i < len(doc):
            start = i
            while i < len(doc) and i - start < 3 and doc[i].is_title and doc[i].is_alpha and not doc[i].is_stop:
                i += 1
            if i == start:
                break
            names.append(doc[start:i])
            if i < len(doc) and doc[i].text in _LIST_JOINERS:
                i += 1
                if i < len(doc) and doc[i].lower_ in ("and", "&"):
                    i += 1
                continue
            break
        if len(names) > 1:
            yield from names


# "my advisors, Ada Quill and Bo-ra Renn": the names a plural role lists, hyphenated given names
# included (which the model often misses).
_LISTED_NAME = TITLE_BEFORE_NAME + r"?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}"
_ROLE_LIST = re.compile(r"\b(?:my|our|his|her|their)\s+(?:[\w-]+\s+){0,2}(?:advisors|advisers|supervisors|mentors|"
                        r"co-advisors|co-supervisors)\s*[,:]\s*(" + _LISTED_NAME + r"(?:,\s*" + _LISTED_NAME + r")*,?\s+"
                        r"(?:and|&)\s+" + _LISTED_NAME + ")")


# "my supervisor was (the engineer) P": the role, then whom it was, with an occupation noun before the name.
ROLE_WAS = r"(?:(?:was|is)\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+)?)?"
# "My mentor, Sofía Quill, taught me …", "Her supervisor there, Ada Quill, …" (one name set off by commas after
# a role) and "My supervisor was the engineer Ana Quill." (the name the role was).
_ROLE_ONE = re.compile(r"\b(?:[Mm]y|[Oo]ur|[Hh]er|[Hh]is|[Tt]heir)\s+(?:[\w-]+\s+){0,2}(?:advisor|adviser|supervisor|mentor|manager)"
                       r"(?:\s+(?:there|then|at the time))?(?:\s*,\s*("
                       + _LISTED_NAME + r")\s*,|\s+" + ROLE_WAS + r"(" + _LISTED_NAME + r")\s*[.,;])")


# "- manager: ACEO Ada Quill": a résumé line's label, then the name (after a post's acronym) to the line's end
_ROLE_LINE = re.compile(r"^[ \t]*(?:[-*•·][ \t]*)?(?:[Ll]ine |[Dd]irect )?(?:[Ss]upervisor|[Aa]dvis[eo]r|[Mm]entor|[Mm]anager)"
                        r"[ \t]*:[ \t]*(?:[A-Z]{2,6}[ \t]+)?(?=[A-Z][a-z])(" + _LISTED_NAME + r")[ \t]*$", re.M)


def role_list_names(doc: Doc, text: str | None = None) -> Iterator[Span]:
    """Yield each name of "my advisors, Ada Quill, Bo Renn and Cy Tamm" (a plural role types them all),
    the name of "my mentor, Ada Quill, …" and of a résumé's "- manager: Ada Quill"."""
    text = doc.text if text is None else text
    for m in [*_ROLE_LIST.finditer(text), *_ROLE_ONE.finditer(text), *_ROLE_LINE.finditer(text)]:
        group = 1 if m.group(1) is not None else 2
        for name in re.finditer(_LISTED_NAME, m.group(group)):
            span = doc.char_span(m.start(group) + name.start(), m.start(group) + name.end(), alignment_mode="expand")
            if span is not None:
                yield span


# Nouns for a person's role: a name in apposition to one is a person ("Nadia Orlov, then a postdoc").
PERSON_NOUNS = frozenset({
    "postdoc", "student", "professor", "researcher", "scientist", "engineer", "colleague", "friend", "mentor",
    "supervisor", "advisor", "adviser", "lecturer", "fellow", "doctor", "physician", "manager", "director",
    "author", "collaborator", "labmate", "classmate", "teacher", "candidate", "scholar", "historian",
    "economist", "chemist", "physicist", "biologist", "linguist", "mathematician", "statistician", "curator",
    "archivist", "librarian", "nurse", "technician", "clinician", "surgeon", "pi",
})


def person_typed_names(doc: Doc) -> Iterator[Span]:
    """Yield two- or three-word names the sentence types as a person, whatever the model called
    them: in apposition to a role noun ("X, then a postdoc at Y") or listed with a person the
    model did recognise ("with X and Karim Fathy") or the author of a book or a theory ("X's book")."""
    for ent in doc.ents:
        # the model's usual misreadings of a person's name; never a language, a people or a place
        if ent.label_ not in ("ORG", "PRODUCT", "WORK_OF_ART", "FAC"):
            continue
        words = ent[:-1] if ent[-1].lower_ in _POSSESSIVE_MARKS else ent
        # "Jean-Baptiste Quill": a hyphen joining two given names, written without spaces
        joined, parts = _hyphens(words), [t for t in words if t.text != "-"]
        # ("My Master's thesis": a capitalised possessive opens no name)
        if len(parts) + joined != len(words) or not 2 <= len(parts) - joined <= 3 \
                or not all(t.is_title and t.is_alpha and t.pos_ not in ("PRON", "DET") for t in parts):
            continue
        root = words.root
        role = any(c.dep_ == "appos" and _lemma(c) in PERSON_NOUNS for c in root.children)
        listed = any(_full_person_name(c) for c in root.conjuncts)
        after = doc[words.end:words.end + 2]
        authored = len(after) == 2 and after[0].lower_ in _POSSESSIVE_MARKS \
            and (after[1].lemma_ or after[1].lower_).lower() in AUTHORED_WORKS
        if role or listed or authored or _under_supervision_of(words):
            yield words


_POSSESSIVE_MARKS = frozenset({"'s", "’s"})
# "under the supervision of X", "the guidance of X": what only a person gives a student.
_SUPERVISION_NOUNS = frozenset({"supervision", "guidance", "direction", "mentorship", "tutelage", "co-supervision"})


def _hyphens(words: Span) -> int:
    """How many hyphens join two words of ``words`` without spaces ("Jean-Baptiste")."""
    return sum(1 for t in words if t.text == "-" and t.i > words.start and not t.doc[t.i - 1].whitespace_
               and not t.whitespace_)


def _under_supervision_of(words: Span) -> bool:
    """Is the name the one whose supervision the sentence names ("under the supervision of X")?"""
    root = words.root
    return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _SUPERVISION_NOUNS
# What only a person writes or holds: "X's book", "X's theory" (a company has work and research too).
AUTHORED_WORKS = frozenset({"book", "monograph", "novel", "essay", "memoir", "poem", "poetry", "theory", "critique",
                             "interpretation", "reading", "dissertation", "thesis", "lecture", "lectures"})


def _full_person_name(tok: Token) -> bool:
    """Is ``tok`` the end of a person's name of two words or more, as the model read it?"""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and ent.label_ == "PERSON" and len(ent) >= 2

