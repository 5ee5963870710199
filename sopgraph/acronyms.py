"""Acronyms: does a short form abbreviate a long one (tests shared by the mention and venue
rules), and which short names does a text define?"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .gazetteer import fold_accents


def word_prefixes_spell(short: str, words: Sequence[str]) -> bool:
    """Is ``short`` the words' beginnings, in order: "WASREB" of "Water Services Regulatory Board"?

    Syllable acronyms take a few letters of some words ("WA" + "S" + "RE" + "B"); every
    word gives at least its first letter, so "WB" does not abbreviate "Water Services Board".
    Case and hyphens in ``short`` do not matter.
    """
    letters = "".join(ch for ch in short.upper() if ch.isalnum())
    parts = [fold_accents(w).upper() for w in words if w]  # "Áreas" gives the "A" of an acronym
    if not letters or not parts or len(letters) > sum(len(p) for p in parts):
        return False

    def spell(i: int, k: int) -> bool:
        if k == len(parts):
            return i == len(letters)
        word = parts[k]
        # the word gives its first 1..n letters
        for n in range(1, min(len(word), len(letters) - i) + 1):
            if letters[i + n - 1] != word[n - 1]:
                break
            if spell(i + n, k + 1):
                return True
        return False

    return spell(0, 0)


# Words an abbreviated title leaves out ("Journal of the Widget Society" → "J. Widget Soc.").
_SKIPPED = frozenset({"of", "the", "and", "&", "for", "in", "on", "und", "de", "la", "et", "a", "an"})


def abbreviates_title(short: str, long: str) -> bool:
    """Is ``short`` the ISO 4 abbreviation of the title ``long``: "Ind. Eng. Chem. Res." of
    "Industrial & Engineering Chemistry Research"?

    Word for word, each word of ``short`` begins the long title's word; small words are left
    out of both. At least two words must be cut short, and the short title must show a full
    stop (a list may have trimmed its last one) or have every word cut ("Prev Vet Med"), so that
    two unrelated titles never meet.
    """
    def words(text: str) -> list[str]:
        return [w.strip(".").lower() for w in text.replace(",", " ").split() if w.lower().strip(".") not in _SKIPPED]

    shorts, longs = words(short), words(long)
    if len(shorts) != len(longs) or not all(shorts):
        return False
    pairs = list(zip(shorts, longs))
    cut = sum(len(s) < len(w) for s, w in pairs)
    # (the NLM style of Vancouver lists drops the stops, "Prev Vet Med": then every word must be cut short)
    return all(w.startswith(s) for s, w in pairs) and cut >= 2 and ("." in short or cut == len(pairs))


# ----------------------------------------------------------------------------- definitions

# A capitalised name, its small words between ("Widget Institute of Science and Technology").
# ("… at Quilltown": a city after "at" closes a name, "the Ruritanian School at Quilltown (RSQ)")
# ("… Polytechnique d’Antananarivo", "Centre d'Excellence …": a French or Italian name's elided article joins the
# word it is before)
_LONG_NAME = r"(?:(?:[dlDL]['’])?[A-ZÀ-ÖØ-Þ][\w.&'’\u2013-]*\s+(?:(?:of|for|and|the|in|on|&|de|del|della|di|da|do|dos|das|des|du|la|las|los|el|en|para|por|per|pour|sur|au|aux|le|les|für|und|der|zur|voor|et|y|e)\s+)*){1,10}(?:[dlDL]['’])?[A-ZÀ-ÖØ-Þ][\w.&'’\u2013-]*(?:\s+at\s+[A-Z][\w'’-]+)?"
# "(WCAM QAS)": the unit's acronym, then its parent's; "(NQUW, Εθνικό …)": the acronym, then the name in its own language.
# ('Widget University of Quill "Ada Renn" (WUQ)': a patron's name in quotes may come between)
_ACRONYM_DEF = re.compile(rf"({_LONG_NAME})(?:\s+[\"“][^\"”\n]{{3,60}}[\"”])?\s*\(\s*([A-Z][A-Za-z0-9.&-]{{1,12}}(?:\s+[A-Z][A-Z0-9&]{{1,6}})?)\s*(?:,[^()\n]*)?\)")
# "X (Widget University of Science and Technology, WUST)": an English name and its acronym, in brackets.
# "California State University, Widget (Widget State)": a shorter name made of the long name's own words.
_SHORT_NAME_DEF = re.compile(rf"({_LONG_NAME}(?:,\s+[A-Z][\w'’-]+)?)\s*\(\s*((?:[A-Z][\w'’-]+\s+){{1,2}}[A-Z][\w'’-]+)\s*\)")
# "Laboratoire de Widgets, Statistique et Modélisation (LWSM)": a name listing fields, with commas.
_LISTING_NAME_DEF = re.compile(r"((?:[A-Z][\w'’-]*(?:,?\s+(?:(?:of|for|and|the|in|on|&|de|des|du|für|et|e|y|und)\s+)*)){2,12})"
                               r"\(\s*([A-Z][A-Z0-9&-]{2,10})\s*\)")
_ACRONYM_CITY_DEF = re.compile(rf"({_LONG_NAME})\s*\(\s*([A-Z][A-Z0-9&-]{{1,10}}\s+[A-Z][a-zà-ÿ'’-]+)\s*\)")
_BRACKETED_ACRONYM_DEF = re.compile(rf"\(\s*({_LONG_NAME})\s*,\s*([A-Z][A-Za-z0-9.&-]{{1,12}})\s*\)")
# "Widget Research Centre (Κέντρο Ερευνών, WRC)": the name in its own language, then the acronym of the name before
_OTHER_NAME_ACRONYM_DEF = re.compile(rf"({_LONG_NAME})\s*\(\s*[^()\n,;]{{3,120}}?,\s*([A-Z][A-Za-z0-9.&-]{{1,12}})\s*\)")
# "automatic speech recognition (ASR)": an acronym the text defines for a lower-case term.
# "funded by WAF (the Widget Agency for …)", the acronym alone (not the end of a longer name, "Widget inštitut
# ZRC SAZU (Institute of …)"); one more field of a name that lists several: ", Research", ", Development and …"
_LIST_FIELD = r"(?:and\s+)?[A-Z][\w'’-]*(?:\s+(?:(?:and|of|for|the|in|&)\s+)*[A-Z][\w'’-]*)*"
_EXPANDED_ACRONYM_DEF = re.compile(rf"(?:^|(?<=[a-z,;:] ))([A-Z][A-Z0-9&-]{{2,11}})\s*\(\s*(?:the\s+)?"
                                   rf"({_LONG_NAME}(?:,\s+{_LIST_FIELD})*)\s*\)")
# "at WIQ, the Widget Institute of Quills, which …": the acronym, then the name it stands for in apposition
_APPOSED_ACRONYM_DEF = re.compile(rf"(?<![\w-])([A-Z][A-Z0-9&-]{{2,11}}),\s+the\s+({_LONG_NAME})(?=\s*[,;.)])")
# ("African swine fever (ASF)": a term may open with a name's capital, its other words in lower case)
# (and a body's name in its own language has accents: "Widgetská vodárenská spoločnosť (WVS)")
_LOWER = "a-zß-öø-ÿ\u0100-\u017f"
_TERM_ACRONYM_DEF = re.compile(rf"\b((?:[A-Za-zÀ-ÖØ-Þ][{_LOWER}-]+\s+)(?:[{_LOWER}][{_LOWER}-]+\s+){{0,5}}[{_LOWER}][{_LOWER}-]+)"
                               r"\s*\(\s*([A-Z][A-Za-z0-9-]{1,10})\s*\)")


def _spelled_ending(words: list[str], short: str, *, ignore_case: bool = False) -> int | None:
    """Where the shortest ending of ``words`` whose initials spell ``short`` starts, or None."""
    for k in range(len(words)):
        initials = "".join(w[0] for w in words[k:])
        if initials == short or (ignore_case and initials.upper() == short.upper()):
            return k
    return None


# The head words of a body's name in the languages applicants write theirs in ("universitet", "Hochschule")
_FOREIGN_BODY = re.compile(r"(?i)\b(?:universit\w*|hochschule|institu\w*|akadem\w*|academ\w*|escuela|école|ecole|scuola|"
                           r"colegio|centr\w*|zentrum|laborat\w*|bank\w*|banque|banco|minist\w*|agenc\w*|fund\w*|"
                           r"spoločnosť|společnost|spółka|selskab|selskap|sällskap|gesellschaft|società|sociedad|"
                           r"société|vereniging|verein|stiftung|fondation|fondazione|fundación|fundação)\b")


def foreign_body_name(words: str) -> bool:
    """Does a name have the head word of a body in one of the languages applicants write names in
    ("universitet", "spoločnosť", "Stiftung")?"""
    return bool(_FOREIGN_BODY.search(words))


@dataclass(frozen=True)
class Definitions:
    """The short names a text defines: organisations' (short → long name) and lower-case terms' acronyms."""

    names: dict[str, str]
    terms: frozenset[str]


# What parts a name into words that each give a letter: spaces and hyphens ("Max-Planck-Institut")
_WORD_BREAK = re.compile(r"[\s\-\u2010\u2013]+")
_ELIDED = re.compile(r"^[dlDL]['’](?=[A-ZÀ-ÖØ-Þ])")  # "d’Antananarivo" gives the A


def _spelled_tail(long: str, letters: str) -> str:
    """"a Research Officer in the Epidemiology Unit of the Central Widget Research Institute (CWRI)": the
    name is an ending of the words before the brackets whose capitals spell the acronym, when the words
    as a whole do not start with its first letter. An ending whose capitals are exactly the acronym's
    wins ("… and Archaeology of the Ada University of Quilltown (AUQ)"); else the longest that holds them.
    Only an acronym's capitals count ("AUTh")."""
    capitals = "".join(c for c in letters if c.isupper())
    words = list(re.finditer(r"\S+", long))
    first_cap = next((w.group()[0] for w in words if w.group()[0].isupper()), None)
    if first_cap is None or len(capitals) < 2 or first_cap == capitals[0]:
        return long
    # a name opens after a word in lower case ("… of the Central …"), not inside one ("Ada Quill Center")
    tails = [long[word.start():] for before, word in zip(words, words[1:])
             if word.group()[0] == capitals[0] and before.group().islower()]
    named = {tail: [t for t in _WORD_BREAK.split(tail) if t and t[0].isupper()] for tail in tails}
    # ("… of the National Widget Services Quillstan (NEWSQUIL)": a syllable acronym spells its words too)
    exact = [tail for tail in tails if "".join(w[0] for w in named[tail]) == capitals
             or word_prefixes_spell(letters, named[tail])]
    holding = [tail for tail in tails if set(capitals) <= {w[0] for w in named[tail]}]
    return (exact or holding or [long])[0]


def _name_proper(long: str) -> str:
    """The name in the words before an acronym's brackets: it ends at a line break (the line above is another name,
    in an address block) and at a sentence's full stop ("BSc, Widget Engineering. Faculty of Widget Engineering
    (FWE)"; "Ss. Cyril" is no sentence), and follows a possessive ("X University's Widget Studies Institute (WSI)")."""
    long = long.strip().split("\n")[-1].strip()
    long = re.split(r"(?<=[a-z]{4})\.\s+", long)[-1]
    return re.split(r"['’]s\s+", long)[-1]


def find_definitions(text: str, *, org_like: Callable[[str], bool], listed: Callable[[str], bool]) -> Definitions:
    """Every short name ``text`` defines in brackets after a long one ("Widget Institute of
    Quill (WIQ)", "automatic speech recognition (ASR)").

    ``org_like`` tells whether a long name is headed like an organisation's ("… Institute");
    ``listed`` whether a short one is already a known organisation's name. Both are asked only
    of an acronym in the organisation's own language beside an English name ("IMEWIQ").
    """
    names: dict[str, str] = {}
    terms: set[str] = set()
    for m in _TERM_ACRONYM_DEF.finditer(text):
        # the acronym's letters are the initials of the words just before it
        k = _spelled_ending(re.split(r"[\s-]+", m.group(1)), m.group(2), ignore_case=True)
        if k is None:
            continue
        # (a name in its own language, "Norges teknisk-naturvitenskapelige universitet (NTNU)", is a body's;
        # a model's organisation or a listed body spelled out so is no term)
        words = " ".join(re.split(r"[\s-]+", m.group(1))[k:])
        if words[:1].isupper() and (org_like(words) or listed(words) or foreign_body_name(words)):
            if foreign_body_name(words) and not listed(m.group(2)):
                # "Widgetská vodárenská spoločnosť (WVS)": the body's name in its own language
                names[m.group(2)] = m.group(1)[m.group(1).find(words.split()[0]):]
            continue
        terms.add(m.group(2))
    pairs = [(m.group(1), m.group(2)) for m in [*_ACRONYM_DEF.finditer(text), *_BRACKETED_ACRONYM_DEF.finditer(text),
                                                 *_ACRONYM_CITY_DEF.finditer(text)]]
    # "funded by UEFISCDI (the Executive Agency for …)": the acronym first, the name it stands for in brackets
    pairs += [(m.group(2), m.group(1)) for m in [*_EXPANDED_ACRONYM_DEF.finditer(text), *_APPOSED_ACRONYM_DEF.finditer(text)]
              if org_like(m.group(2))]
    for long, short in pairs:
        long, short = _name_proper(long), short.strip()
        letters = short.split()[0]  # "IRB Barcelona": the acronym, then the city it is in
        long = _spelled_tail(long, letters)
        # "Max-Planck-Institut für X (MPIM)": each part of a hyphenated word gives a letter
        words = [w for w in (_ELIDED.sub("", w) for w in _WORD_BREAK.split(long)) if w and w[0].isupper()]
        if words[:1] == ["The"] and not letters.upper().startswith("T"):
            # "The University of the South Pacific (USP)": the article is in no acronym, nor in the name's key
            words, long = words[1:], long[4:]
        initials = fold_accents("".join(w[0] for w in words))
        if letters[0] == initials[:1] and (set(letters.upper().replace("-", "")) <= set(initials.upper()) | set("0123456789.&-")
                                           or word_prefixes_spell(letters, words)):
            names[short] = long
        elif len(words) >= 3 and short.split()[0] == words[0] and len(short.split()) == 2 \
                and "".join(w[0] for w in words[1:]) in (short.split()[1], short.split()[1] + words[-1][0]):
            # "Widget School of Quill and Ink (Widget SQI)": the name's first word, then the others' initials
            # (the last word's may be left out: "Widget Tropical Health Institute (Widget TH)")
            names[short] = long
        elif len(words) >= 3 and "-" in long.split()[0] and "".join(w[0] for w in words[1:]).upper() == short.upper():
            # "Leibniz-Zentrum Allgemeine Sprachwissenschaft (ZAS)": a patron's name joined to what the letters spell
            names[short] = long
        elif letters.isupper() and len(letters) >= 3 and org_like(long) and not listed(letters) and letters not in names:
            # "Metropolitan Widget Institute of Quill (IMEWIQ)": an English name for an acronym of the
            # name in the organisation's own language (once the text spelled the acronym out, "Quill
            # Excavations (IMEWIQ)" names who runs the excavations); "the Widget Lab in the School of
            # Quills (SEKQ)": the name opening with the acronym's letter, after a small word, is the one
            # ("In 2021 Widgetco and the Quill Center for X (QCX)": the name after "and the" is the one)
            long = re.split(r"\s+and\s+the\s+(?=[A-Z])", long)[-1]
            starts = [m.start(1) for m in re.finditer(r"\b[a-z]{2,3} (" + re.escape(letters[0]) + r")\w", long)]
            names[letters] = long[starts[-1]:] if starts and org_like(long[starts[-1]:]) else long
    for m in _OTHER_NAME_ACRONYM_DEF.finditer(text):
        # "Widget Research Centre (Κέντρο Ερευνών, WRC)": the name before the brackets, when an ending of it spells
        # the acronym (a unit's name before its university's acronym, "Faculty of X of Quill University (…, UQ)",
        # is not the one the acronym stands for; an acronym the name inside the brackets defines is that name's)
        long, short = _name_proper(m.group(1)), m.group(2)
        words = [w for w in (_ELIDED.sub("", w) for w in _WORD_BREAK.split(long)) if w and w[0].isupper()]
        k = _spelled_ending(words, short)
        if short in names or (k is None and not word_prefixes_spell(short, words)):
            continue
        # ("the Financial Stability Department of the Central Bank of Quill (…, CBQ)": the bank's acronym; a
        # patron's name before the words spelled stays, "Ada Quill State University (…, QSU)")
        opened = re.search(r"\b[a-z]+\s+" + re.escape(words[k]) + r"\b", long) if k else None
        names[short] = long[opened.start() + len(opened.group().split()[0]) + 1:] if opened else long
    for m in _LISTING_NAME_DEF.finditer(text):
        long, short = m.group(1).strip(" ,").split("\n")[-1].strip(), m.group(2)
        if "," not in long or short in names:
            continue
        # the shortest ending of the name whose capitalised words spell the acronym, commas inside it;
        # else the longest one that opens with its first letter and holds all its letters ("Widget
        # Institute for Law, Quills, and Society (WILQ)": an acronym may leave the last word out)
        words = list(re.finditer(r"[A-Z][\w'’-]*", long))
        k = _spelled_ending([w.group() for w in words], short)
        if k is None:
            k = next((j for j, w in enumerate(words) if w.group()[0] == short[0]
                      and set(short) <= {v.group()[0] for v in words[j:]} and len(words) - j <= len(short) + 1), None)
        if k is not None and "," in long[words[k].start():]:
            names[short] = long[words[k].start():]
    for m in _SHORT_NAME_DEF.finditer(text):
        long, short = m.group(1).strip(), m.group(2).strip()
        if {w.lower() for w in short.split()} <= {w.lower().strip(",") for w in long.split()}:
            names[short] = long
    return Definitions(names, frozenset(terms))
