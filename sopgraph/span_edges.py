"""How far a name's span reaches: the words a pattern or the model left out, or took too many of.

Each function takes a spaCy span and returns the span of the whole name (or the same span):
hyphen-joined words ("Max-Planck-" + "Institut …", "Ji-" + "won"), surnames with an inner
capital ("McKechnie"), a first name the model dropped, a date or place after a venue's name.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from . import titles
from .names import is_particle
from .typed_names import AWARD_NOUNS

_LEADING_JUNK = frozenset({"the", "a", "an", "my", "our", "his", "her", "their", "at", "in", "from", "of", "during", "with", "and", "both"})
_TRAILING_LINKS = frozenset({"in", "on", "of", "and", "for", "-", "y", "e", "et", "de", "del", "da", "do", "la", "di"})


def strip_span(span: Span) -> Span | None:
    """The span without leading articles and prepositions, trailing punctuation, "'s" and links
    ("the University of Bergen's" → "University of Bergen"); None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    opened = next((t.i for t in reversed(span) if t.text in "()"), None)
    if opened is not None and doc[opened].text == "(" and opened > start:
        end = opened  # "Widget Health Partnership (WHP": a bracket the span never closes ends the name
    while start < end and (doc[start].lower_ in _LEADING_JUNK or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in (".",)
                           or doc[end - 1].lower_ in ("'s", "’s", "and", "the", "for", "of", "in", "at", "with", "on", "to")):
        end -= 1
    if end > start and doc[end - 1].text == "." and end - start > 1 and doc[end - 2].lower_ not in ("ltd", "inc", "co", "pvt", "corp"):
        end -= 1
    if end - start > 1 and is_number_sign(doc[end - 1]):
        end -= 1
    if end - start > 1 and doc[end - 1].text == "I" and doc[end - 1].dep_ in ("nsubj", "nsubjpass"):
        end -= 1  # "with the Widget Council of Jamaica I spent …": the writer, not a numeral ("Paris I")
    return doc[start:end] if end > start else None


def before_bracket(doc: Doc, end: int, reach: int) -> int:
    """Where the words before token ``end`` stop when a bracket closes right before it: "Widget Unit (WU)" +
    ", …" → the end of "Widget Unit". The "(" is looked for within ``reach`` tokens; ``end`` when there is none."""
    if end > 0 and doc[end - 1].text == ")":
        return next((k for k in range(end - 2, max(-1, end - 2 - reach), -1) if doc[k].text == "("), end)
    return end


def after_bracket(doc: Doc, start: int, reach: int) -> int:
    """Where the words after token ``start`` go on when a bracket opens there: "X" + "(its name in Maltese)" +
    ", where …" → the token after the ")". A bracket not closed within ``reach`` tokens, or holding another "(",
    leaves ``start``."""
    if start < len(doc) and doc[start].text == "(":
        closing = next((k for k in range(start + 1, min(len(doc), start + reach)) if doc[k].text in ("(", ")")), None)
        if closing is not None and doc[closing].text == ")":
            return closing + 1
    return start


def is_number_sign(tok: Token) -> bool:
    """"No." of "… Bank of Widgetland No. 1012": the number of a paper in a series, not a word of a name."""
    doc = tok.doc
    return tok.text == "No." or (tok.text == "No" and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ".")


TITLE_WORDS = titles.words()


def cut_person_span(span: Span) -> Span:
    """'Prof. Wenjie Chen. Prof. Chen' → 'Prof. Wenjie Chen': a full stop after a word ends a name;
    'Ada Quill’s Prehistoric Widgets' → 'Ada Quill': so does a possessive (what follows is hers);
    'Following Ada Quill' → 'Ada Quill': a sentence's opening participle or preposition is no given name."""
    if len(span) > 2 and span[0].is_sent_start and span[0].tag_ in ("VBG", "VBN", "IN") and span[1].is_title:
        span = span[1:]
    for tok in span[1:]:
        if tok.text == "." and len(tok.nbor(-1).text) > 1 and tok.nbor(-1).lower_ not in TITLE_WORDS:
            return span.doc[span.start:tok.i]
        if tok.lower_ in ("'s", "’s") and tok.i + 1 < span.end:
            return span.doc[span.start:tok.i]
    return span


DASHES = frozenset({"-", "\u2010", "\u2011", "\u2013"})


def _dash_joins(doc: Doc, i: int) -> bool:
    """Is ``doc[i]`` a dash that joins the words on either side of it, without spaces?"""
    return 1 <= i < len(doc) and doc[i].text in DASHES and not doc[i].whitespace_ and not doc[i - 1].whitespace_


def with_hyphen_head(span: Span) -> Span:
    """"Max-Planck-" + "Institut für X", "Widgetland–" + "Korea Institute of …", "WIDG-" + "Quill Trust":
    capitalised words and acronyms joined to a name by hyphens or en dashes belong to it, and so
    does a compound with a small word in it ("Foot-and-" + "Mouth Disease Center"), with the
    capitalised words before it ("Pan American Foot-and-Mouth Disease Center")."""
    doc = span.doc
    start = span.start
    while start >= 2 and _dash_joins(doc, start - 1):
        word = doc[start - 2]
        if (word.is_title or word.is_upper) and word.is_alpha:
            start -= 2
        elif word.lower_ in _COMPOUND_LINKS and start >= 4 and _dash_joins(doc, start - 3) \
                and doc[start - 4].is_title and doc[start - 4].is_alpha:
            start -= 4
        else:
            break
    if start < span.start:
        # the pattern broke at the hyphens, so it also missed the words before them ("Pan American" + "Foot-…")
        while start >= 1 and doc[start - 1].is_title and doc[start - 1].is_alpha and not doc[start - 1].is_stop \
                and not doc[start - 1].is_sent_start and doc[start - 1].ent_type_ not in ("PERSON", "DATE"):
            start -= 1
    return doc[start:span.end]


_COMPOUND_LINKS = frozenset({"and", "of", "to", "in", "on", "the"})


def surname_of_a_person(span: Span) -> bool:
    """"Dr. Ada Penn": a one-word listed name ("Penn") that ends a person's name the model found."""
    if len(span) != 1 or span.start == 0 or span[0].ent_type_ != "PERSON":
        return False
    prev = span.doc[span.start - 1]
    return prev.ent_type_ == "PERSON" or prev.lower_.rstrip(".") in TITLE_WORDS


def without_date_or_place(span: Span) -> Span:
    """"… on Soft Widgets in May", "… Meeting in Boston": a date or a place is not part of a venue's
    name; a place word that no "in" introduces may be ("… de Geriatría y Gerontología")."""
    doc = span.doc
    end = span.end
    if doc[end - 1].text == "." and len(span) > 2 and doc[end - 2].ent_type_ in ("DATE", "TIME", "GPE"):
        end -= 1  # the sentence's full stop after "… in May."
    while end > span.start + 1 and (
            doc[end - 1].ent_type_ in ("DATE", "TIME") or doc[end - 1].lower_ in _TRAILING_LINKS
            or (doc[end - 1].ent_type_ == "GPE" and doc[end - 2].lower_ in ("in", ","))):
        end -= 1
    return doc[span.start:end]


def with_hyphen_tail(span: Span) -> Span:
    """"Reyes-Hoffman", "Ji-won": the tokenizer split a hyphenated name after the span's end
    (or a pattern stopped at the hyphen: "Professor Dong-" of "Professor Dong-wook Kim")."""
    doc = span.doc
    end = span.end
    if doc[end - 1].text == "-" and end < len(doc) and doc[end].is_alpha and not doc[end - 1].whitespace_:
        end += 1  # the pattern took the hyphen but not the lower-case rest of the given name
    elif end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha \
            and (doc[end + 1].is_title or doc[end + 1].is_lower):
        end += 2
    else:
        return span
    if doc[end - 1].is_lower and end < len(doc) and doc[end - 1].whitespace_ and doc[end].is_title \
            and doc[end].pos_ == "PROPN" and doc[end].is_alpha:
        end += 1  # "Dong-wook Kim": a surname follows a hyphenated given name
    return doc[span.start:end]


def with_hyphenated_words(span: Span) -> Span:
    """"Université Paris" + "-Panthéon-Assas": capitalised words joined to the span's end by hyphens
    without spaces are more of the name."""
    doc = span.doc
    end = span.end
    while end + 1 < len(doc) and _dash_joins(doc, end) and doc[end + 1].is_title and doc[end + 1].is_alpha:
        end += 2
    # "Department of Non" + "-communicable Disease Epidemiology": a prefix joined to a word in lower case, the
    # name going on after it
    if end == span.end and end + 2 < len(doc) and _dash_joins(doc, end) and doc[end + 1].is_lower \
            and doc[end + 1].is_alpha and doc[end + 2].is_title and doc[end + 2].is_alpha:
        end += 2
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha and not doc[end].is_sent_start:
            end += 1
    return doc[span.start:end] if end > span.end else span


def with_particle_tail(span: Span) -> Span:
    """"Rosario D. delos" + "Reyes", "Montserrat Casals" + "i Puig": the model stopped a name at
    (or just before) its surname's lower-case particle; take the particles and the word after them."""
    doc = span.doc
    end = span.end
    while end > span.start + 1 and doc[end - 1].is_lower and is_particle(doc[end - 1].text):
        end -= 1
    if end == span.start or not any(t.is_alpha and not t.is_lower for t in doc[span.start:end]):
        return span
    k = end
    while k < len(doc) and k - end < 2 and doc[k].is_lower and is_particle(doc[k].text):
        k += 1
    if k == end or k >= len(doc) or not (doc[k].is_title and doc[k].is_alpha):
        return span
    return doc[span.start:k + 1]


# "Ndung'u", "Kang'ethe", "N'Diaye": a capitalised word with an apostrophe before lower-case letters,
# which patterns asking for title case (and often the model) stop short of.
_APOSTROPHE_NAME = re.compile(r"^[A-Z][a-z]*['’][a-z]+$|^[A-Z]['’][A-Z][a-z]+$")


def with_apostrophe_surname(span: Span) -> Span:
    """'Prof. Esther Wairimu' + "Ndung'u": take a following surname with an apostrophe inside."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end - 1].whitespace_ and _APOSTROPHE_NAME.match(doc[span.end].text):
        return doc[span.start:span.end + 1]
    return span


def with_surname_tail(span: Span) -> Span:
    """The rest of a surname the model cut off: its particles and what follows them, then a word
    with an apostrophe inside ("Ada Quill" + "i Vall", "Ada Wairimu" + "Ndung'u")."""
    return with_apostrophe_surname(with_particle_tail(span))


# "McKechnie", "MacLeod", "DeLuca", "O'Neill": surnames with a capital inside, which token
# patterns asking for title case stop short of.
_PREFIXED_SURNAME = re.compile(r"^(?:Mc|Mac|Fitz|De|Di|Da|Du|La|Le|Van|O['’])[A-Z][^\W\d_]+$")


def with_prefixed_surname(span: Span) -> Span:
    """'Dr. Fionnuala' + 'McKechnie': take a following surname with an inner capital."""
    doc = span.doc
    if span.end < len(doc) and span[-1].is_title and span[-1].whitespace_ and _PREFIXED_SURNAME.match(doc[span.end].text):
        return doc[span.start:span.end + 1]
    return span


def with_leading_title_words(span: Span) -> Span:
    """'African' + 'Journal of X': capitalised words before a "Journal of …" pattern belong to its name."""
    doc = span.doc
    start = span.start
    while start > 0 and span.start - start < 3 and doc[start - 1].is_title and not doc[start - 1].is_stop \
            and not doc[start].is_sent_start and doc[start - 1].ent_type_ in ("", "ORG", "NORP", "EVENT"):
        start -= 1
    return doc[start:span.end]


def with_leading_name(span: Span) -> Span:
    """", Đỗ Thanh Linh," where the model left out the first of three name words."""
    doc = span.doc
    if span.start == 0 or len(span) < 2:
        return span
    prev = doc[span.start - 1]
    before = doc[span.start - 2] if span.start >= 2 else None
    if prev.is_title and prev.is_alpha and not prev.is_stop and not prev.is_sent_start and prev.pos_ == "PROPN" \
            and not prev.ent_type_ and before is not None and before.text in (",", "(", "and", "with", "by"):
        return doc[span.start - 1:span.end]
    return span


# "bin", "binti": the patronymic particles between a given name and a father's name ("Siti binti Haji Rahman")
_PATRONYMIC_PARTICLES = frozenset({"bin", "binti", "bint", "ibn"})


def with_given_name_before_patronymic(span: Span) -> Span:
    """"Siti binti" + "Haji Rahman": the model read only the father's name after a patronymic particle;
    the given name before the particle opens the name."""
    doc = span.doc
    k = span.start
    if k < 2 or doc[k - 1].text not in _PATRONYMIC_PARTICLES:
        return span
    start = k - 1
    while start > 0 and k - 1 - start < 2 and doc[start - 1].is_title and doc[start - 1].is_alpha \
            and not doc[start - 1].is_stop and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return span if start == k - 1 else doc[start:span.end]


def with_listed_fields(span: Span, not_fields: frozenset[str]) -> Span:
    """"M.Sc. Robotics" + ", Cognition, Intelligence": a programme's fields listed with commas to the end
    of its line belong to its name (not a place, nor a word such as "University" or "thesis")."""
    doc = span.doc

    def field_word(i: int) -> bool:
        return i < len(doc) and doc[i].is_title and doc[i].lower_ not in not_fields and doc[i].ent_type_ not in ("GPE", "LOC")

    end = span.end
    while end + 1 < len(doc) and doc[end].text == "," and field_word(end + 1):
        end += 2
        while field_word(end):
            end += 1
    if end == span.end or not (end == len(doc) or "\n" in doc[end].text):
        return span
    return doc[span.start:end]


# What a grant's name ends in: an award noun, or its "Support" and "Prize" ("… Research Support Grant")
_GRANT_WORDS = AWARD_NOUNS | {"support", "prize"}
_GRANT_MODIFIERS = frozenset({"research", "travel", "student", "postgraduate", "doctoral", "early", "career"})


def without_grant_words(span: Span) -> Span:
    """"Royal Widget Society" + "Research" of "Royal Widget Society Research Support Grant": the words
    that open the name of a body's grant are the grant's, not the body's."""
    doc = span.doc
    end = span.end
    if end >= len(doc) or doc[end].lower_.removesuffix("s") not in _GRANT_WORDS or not doc[end].is_title:
        return span
    while end - span.start > 2 and doc[end - 1].lower_ in _GRANT_MODIFIERS:
        end -= 1
    return doc[span.start:end]


def without_city_after_in(span: Span) -> Span:
    """"Institute of the Widget Language" + "in Quilltown": a name already qualified by "of"/"for" ends before
    "in" and a one- or two-word place ("University Centre in Quillbard" keeps it: the place is its only
    qualifier)."""
    doc = span.doc
    words = [t.lower_ for t in span]
    if "in" not in words[1:-1]:
        return span
    at = span.start + len(words) - 1 - words[::-1].index("in")
    place = doc[at + 1:span.end]
    # (a place the model knows as one: "in Earthquake Engineering", "in Transition Economies" name a field)
    if not 1 <= len(place) <= 2 or not all(t.is_title and t.is_alpha and t.ent_type_ in ("GPE", "LOC") for t in place):
        return span
    if not any(t.lower_ in ("of", "for") for t in doc[span.start:at]):
        return span
    return doc[span.start:at]
