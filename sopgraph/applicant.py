"""Find who wrote a statement: header, self-introduction, signature, e-mail, own papers.

The applicant is never guessed from "the first PERSON": each source below is a place where
authors name themselves, tried from the most to the least explicit.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .names import (PARTICLE_ALTERNATION, compatible, fold, fullness, given_first, is_particle, looks_like_name, name_tokens, reordered,
                    split_title, surname_marked)
from .pipeline.sections import sections_by_label
from .references import Reference
from .sentence_cues import names_the_author_by_role

EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
URL = re.compile(r"\bhttps?://[^\s)>\]]+", re.I)
# Words that make a short header line something other than a name.
_NOT_NAME_WORDS = frozenset(
    """statement purpose personal research proposal cover letter objective objectives
    application applicant applying candidate program programme degree phd ph.d dphil master masters
    bachelor university institute school college department faculty of for in and the to
    contact email e-mail webpage website homepage phone address name curriculum vitae resume
    introduction summary background experience academic teaching diversity profile biography essay
    dear hello hi estimada estimado estimados querida querido prezada prezado liebe lieber geehrte geehrter
    chère cher gentile egregio egregia""".split()  # (salutations: "Estimada Dra. X," greets the reader)
)
# The cue is matched in any case ("My name is" opens a sentence); the name must be capitalised.
_SELF_INTRO = re.compile(
    r"\b(?i:my name is|i am|i'm|this is)\s+((?:[A-Z][\w'’.-]*\s+){1,4}?[A-Z][\w'’-]+)(?=[\s,.;:]|$)"
)
_PARTICLE_TAIL = re.compile(r"(?:\s+" + PARTICLE_ALTERNATION + r")+\s+[A-Z][\w'’-]+(?=[\s,.;:]|$)")
_DEGREE_SUFFIX = re.compile(
    r"\s*(?:[-–—,|]\s*)?(?:(?:ph\.?\s?d\.?|d\.?phil\.?|m\.?s\.?c?\.?|m\.?eng\.?|mba|b\.?s\.?c?\.?|"
    r"master'?s?|doctoral|graduate|undergraduate|prospective)\b.*)?(?:applicant|candidate|student)\b.*$",
    re.I,
)


_FIELD_LABEL = re.compile(r"^\s*(?:name|applicant|candidate|author|submitted by|by|from"
                          # the document's kind before the name: "Candidate Statement: Dr. Jane Roe"
                          r"|[#*\s]*(?:[A-Za-z]+\s+){0,3}(?:statement|purpose|letter|profile|essay))"
                          r"\s*:\s*", re.I)
# ("Candidate profile: Jane Roe", "# Applicant: Jane Roe")
_NAME_LABEL = re.compile(r"^[#*\s]*(?:name|applicant|candidate|author|submitted by)(?:\s+(?:profile|statement|summary))?\s*:",
                         re.I)
_SURNAME_COMMA_FIRST = re.compile(r"([A-Z][A-Z'’-]+),\s+((?:[A-Z][a-z'’-]+\s*){1,3})")
_SEGMENT_SPLIT = re.compile(r"\s+[-–—|]\s+|\s*[|(),·•<>]\s*|\s*[–—]\s*")  # ("From: Jane Roe <jroe@…>")


def _name_from_line(line: str) -> str | None:
    """The person's name in a header line: the whole line or one of its segments."""
    line = _FIELD_LABEL.sub("", EMAIL.sub(" ", URL.sub(" ", line)))
    for segment in [line, *_SEGMENT_SPLIT.split(line)]:
        name = _name_from_segment(segment)
        if name:
            return name
    return None


def _name_from_segment(line: str) -> str | None:
    line = line.strip(" \t*#:|-–—")
    line = _DEGREE_SUFFIX.sub("", line).strip(" ,|-–—")
    if not line or len(line) > 60:
        return None
    surname_first = _SURNAME_COMMA_FIRST.fullmatch(line)
    if surname_first:  # "NALAU, Ellen Joy": a file's or a list's order, the surname in capitals
        line = f"{surname_first.group(2)} {surname_first.group(1).title()}"
    if line.isupper():
        line = " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in line.split())
    words = [w.strip(",.") for w in line.split()]
    if not 2 <= len([w for w in words if not is_particle(w)]) <= 5 or any(w.lower() in _NOT_NAME_WORDS for w in words):
        return None
    name, _title = split_title(line)
    # "NGUYỄN Văn Long": a surname in capitals before the given names is kept as written, the
    # order it marks is read later (names.reordered)
    shape = given_first(name) if surname_marked(name) else name
    return name if looks_like_name(shape) and len(name_tokens(name)) >= 2 else None


def _header_lines(doc: Doc) -> Iterable[str]:
    for span in sections_by_label(doc, "HEADER"):
        yield from span.text.split("\n")


def _common_words(doc: Doc) -> set[str]:
    """Words the document itself writes in lower case: a name's words rarely are."""
    return {t.lower_ for t in doc if t.is_lower and t.is_alpha and len(t) > 2}


def from_header(doc: Doc, org_texts: set[str]) -> str | None:
    """A header line that is only a person's name (title and "M.S. Applicant" allowed)."""
    common = _common_words(doc)
    lines = list(_header_lines(doc))
    # a line that labels the name ("Applicant: Dr. X") says whose statement it is, whatever other header lines say
    labelled = [line for line in lines if _NAME_LABEL.match(line)]
    for line in labelled + lines:
        name = _name_from_line(line)
        # a particle of the name itself ("dos" of "Ferreira dos Santos") is written in lower case
        if name and fold(name) not in org_texts and not any(t in common and not is_particle(t) for t in name_tokens(name)) \
                and not _short_form_of_organisation(line, name, org_texts):
            return name
    return None


def _short_form_of_organisation(line: str, name: str, org_texts: set[str]) -> bool:
    """"PhD in X, Quill State University (Quill State)": the words in brackets after an organisation
    are its short name, not the author's."""
    bracketed = re.search(r"([^()]*)\(\s*" + re.escape(name) + r"\s*\)", line)
    return bracketed is not None and any(org in fold(bracketed.group(1)) for org in org_texts)


def from_self_intro(doc: Doc) -> str | None:
    """'I am Jane Doe, …' / 'My name is …' in the first few sentences."""
    for i, sent in enumerate(doc.sents):
        if i > 4:
            break
        match = _SELF_INTRO.search(sent.text)
        if match:
            candidate = match.group(1).strip()
            ents = [e for e in sent.ents if e.label_ == "PERSON" and candidate.startswith(e.text.split()[0])]
            name = ents[0].text if ents else candidate
            at = sent.text.find(name, match.start(1))
            tail = _PARTICLE_TAIL.match(sent.text, at + len(name)) if at >= 0 else None
            if tail:
                name += tail.group(0)  # the model and the pattern stop at a surname's particle ("… delos Reyes")
            name, _ = split_title(name)
            if looks_like_name(name) and len(name_tokens(name)) >= 2:
                return name
    return None


# "The candidate, Jane Roe, is …", "The applicant (Dr. Jane Roe) has …"
_ROLE_APPOSITION = re.compile(r"\b(?i:the|our)\s+(?i:candidate|applicant|nominee)\s*[,(]\s*"
                              r"((?:[A-Z][\w'’.-]*\s+){1,4}[A-Z][\w'’-]+)\s*[,)]")


def from_role_apposition(doc: Doc) -> str | None:
    """The name a statement in the third person gives its subject once: 'The candidate, Jane Roe, …'."""
    found = _ROLE_APPOSITION.search(doc.text[:3000])
    if found is None:
        return None
    name, _ = split_title(found.group(1))
    return name if looks_like_name(name) and len(name_tokens(name)) >= 2 else None


def from_signature(doc: Doc) -> str | None:
    """The name line under a closing such as 'Sincerely,'."""
    for span in sections_by_label(doc, "SIGNATURE"):
        for line in span.text.split("\n")[1:]:
            name = _name_from_line(line)
            if name:
                return name
    return None


def from_last_line(doc: Doc) -> str | None:
    """A name on the last block, after a blank line: a sign-off without "Sincerely,".

    The name may be followed by a few contact lines (e-mail, web page, affiliation).
    """
    text = doc.text.rstrip()
    cut = text.rfind("\n\n")
    if cut < 0:
        return None
    first, *rest = text[cut + 2:].strip().split("\n")
    if len(rest) > 3 or not all(_is_contact_line(line) for line in rest):
        return None
    # "- Prof. P, X University" over more such lines: a list of referees, not a sign-off
    if re.match(r"\s*[-*•]\s", first) or any(_name_from_line(line) for line in rest):
        return None
    return _name_from_line(first)


def _is_contact_line(line: str) -> bool:
    """An e-mail, web page or phone line, or a short affiliation line without a sentence in it."""
    line = line.strip()
    if EMAIL.search(line) or URL.search(line) or re.fullmatch(r"[+\d()\s.-]{7,}", line):
        return True
    return 0 < len(line.split()) <= 8 and not line.endswith((".", "!", "?"))


def from_email(doc: Doc, candidates: Iterable[str]) -> str | None:
    """A PERSON whose name matches the local part of an e-mail address at the top or the end."""
    text = doc.text
    emails = [m.group(0) for m in EMAIL.finditer(text[:600] + "\n" + text[-600:])]
    for email in emails:
        local = re.sub(r"[^a-z]", "", email.split("@")[0].lower())
        for cand in candidates:
            toks = name_tokens(cand)
            if len(toks) >= 2 and local.startswith(toks[0][0]) and any(
                    form in local for form in {toks[-1], *_ascii_forms(cand.split()[-1])}):
                return cand
    return None


# German-style transliteration writes "ä" as "ae" in addresses; plain folding drops the mark.
_TRANSLITERATE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "ae", "Ö": "oe", "Ü": "ue"})


def _ascii_forms(surname: str) -> set[str]:
    """The ways an e-mail address may spell a surname in ASCII letters."""
    return {re.sub(r"[^a-z]", "", form) for form in (fold(surname), fold(surname.translate(_TRANSLITERATE)))} - {""}


def from_references(refs: list[Reference]) -> str | None:
    """The author on most entries of a reference list, when that is a clear majority."""
    counts: Counter[str] = Counter()
    forms: dict[str, list[str]] = {}
    for ref in refs:
        seen = set()
        for author in ref.authors:
            key = next((k for k in forms if compatible(k, author)), author)
            if key in seen:
                continue
            seen.add(key)
            counts[key] += 1
            forms.setdefault(key, []).append(author)
    if not counts:
        return None
    (top, n), *rest = counts.most_common()
    if n >= 2 and n >= 0.4 * len(refs) and (not rest or rest[0][1] < n):
        return max(forms[top], key=fullness)
    return None


def from_third_person(doc: Doc) -> str | None:
    """The person most often the subject of a sentence, for statements written as 'She …'."""
    subjects: Counter[str] = Counter()
    for ent in doc.ents:
        # ("The candidate, Jane Roe, is …": the name in apposition to the subject)
        if ent.label_ == "PERSON" and any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "appos" and t.head.dep_ in (
                "nsubj", "nsubjpass")) for t in ent):
            name, _ = split_title(ent.text)
            if len(name_tokens(name)) >= 2:
                subjects[name] += 1
    # ("The candidate has …" stands for "she" as much as "she" does)
    pronouns = sum(1 for t in doc if (t.lower_ in ("she", "he", "they") or names_the_author_by_role(t)) and t.dep_ == "nsubj")
    first = sum(1 for t in doc if t.lower_ == "i")
    if subjects and pronouns > first:
        return subjects.most_common(1)[0][0]
    return None


def person_spans(doc: Doc) -> list[Span]:
    """PERSON entities of the statistical model (a helper for the e-mail match)."""
    return [e for e in doc.ents if e.label_ == "PERSON"]


def find_applicant(doc: Doc, refs: list[Reference], org_texts: set[str]) -> tuple[str | None, str]:
    """Return ``(name, source)`` of the document's author, or ``(None, "")``.

    The signature refines the name when it gives the same one with more of its names.
    """
    for source, finder in (
        ("header", lambda: from_header(doc, org_texts)),
        ("self-introduction", lambda: from_self_intro(doc)),
        ("role-apposition", lambda: from_role_apposition(doc)),
        ("signature", lambda: from_signature(doc)),
        ("last-line", lambda: from_last_line(doc)),
        ("email", lambda: from_email(doc, [e.text for e in person_spans(doc)])),
        ("references", lambda: from_references(refs)),
        ("third-person", lambda: from_third_person(doc)),
    ):
        name = finder()
        if name:
            return _as_signed(doc, _in_full(doc, name)), source
    return None, ""


def _in_full(doc: Doc, name: str) -> str:
    """"Andrés Rangel" in an e-mail's header, signed "Andrés Eduardo Rangel Briceño": the signed name
    when it is the same one with more of its names (a second given name, a second surname)."""
    words = name_tokens(name)
    for signed in (from_signature(doc), from_last_line(doc)):
        if not signed:
            continue
        longer = name_tokens(signed)
        it = iter(longer)
        if len(longer) > len(words) and longer[0] == words[0] and all(w in it for w in words):
            return signed
    return name


def _as_signed(doc: Doc, name: str) -> str:
    """"LIU Mingyu" in the header of a statement signed "Mingyu Liu" (or written "LIU Mingyu (Mingyu
    Liu)"): the signed order is the label.

    A surname written first in capitals marks the order for a reader; when the document also
    writes the name given name first, that is the form the applicant uses in running text.
    """
    if not surname_marked(name):
        return name
    # "CHHAY Sreyneang (Sreyneang Chhay)": the header gives the other order in brackets
    bracketed = re.search(re.escape(name) + r"\s*\(([^()\n]{3,60})\)", doc.text[:1000])
    for signed in (bracketed.group(1).strip() if bracketed else None, from_signature(doc), from_last_line(doc)):
        if signed and not surname_marked(signed) and any(compatible(signed, form) for form in reordered(name)):
            return signed
    return name


def contact_details(doc: Doc) -> tuple[str | None, str | None]:
    """E-mail address and web page found in the header or signature, if any."""
    texts = [s.text for s in sections_by_label(doc, "HEADER") + sections_by_label(doc, "SIGNATURE")]
    joined = "\n".join(texts) or doc.text[:600]
    email = EMAIL.search(joined)
    url = URL.search(joined)
    return (email.group(0) if email else None, url.group(0).rstrip(".,;") if url else None)
