"""Venue mentions of one statement: journals and meetings the lists, the patterns and the cues find.

:class:`VenueMentions` is a part of :class:`sopgraph.mentions.MentionCollector`, kept in its
own module because a venue needs more than a name: an acronym or a journal named by an
everyday word ("Science") is a venue only in a sentence about publishing.
"""
from __future__ import annotations

import re
from functools import cached_property

from spacy.tokens import Span

from .nlp import PATTERNS_KEY
from .pipeline.gazetteer import GAZETTEER_KEY
from .relations import load_cues
from .span_edges import without_date_or_place
from .venue_cues import cued_venue_spans

__all__ = ["VenueMentions", "society_of_meeting_named"]

# The last word of a society's meeting named after it: "X Annual Meeting", "X Fall Meeting", "X Forum".
_MEETING_WORDS = frozenset({"meeting", "conference", "congress", "symposium", "forum"})
# Heads of the bodies meetings are named after: "… of the Widget Society", "… of the Quill Institution".
_SOCIETY_HEADS = re.compile(r"\b(?:society|institution|association|union|federation|confederation|academy|council)\b", re.I)
_MEETING = "(?:" + "|".join(sorted(_MEETING_WORDS)) + ")"
# "the Annual Conference of the Widget Society": the society after the meeting (its name capitalised).
_MEETING_OF = re.compile(rf"\b{_MEETING}\s+of\s+(?:the\s+)?((?-i:[A-Z]).+)$", re.I)
# "the Widget Society (WS) Annual Meeting": the society, perhaps its acronym, then the kind of meeting.
_SOCIETY_THEN_MEETING = re.compile(r"^(?:the\s+)?((?-i:[A-Z]).*?)(?:\s*\([A-Z][A-Za-z0-9&-]{1,10}\))?\s+(?:(?:annual|biennial|"
                                   rf"international|general|scientific|national|regional|joint)\s+)*{_MEETING}\b", re.I)
# The society's head ends its name or is followed by its field ("… Association for Quill Studies");
# "Union World Conference" names no union.
_SOCIETY_NAME_END = re.compile(_SOCIETY_HEADS.pattern + r"(?:\s+(?:of|for)\s+.+)?$", re.I)
# A year or an edition number after a meeting's name ("CLEO 2024", "SALT 32"), not a count ("MIT 10 years ago").
_EDITION_NUMBER = r"\d{1,2}(?!\s*(?:years?|months?|weeks?|days?|hours?|times?|percent|%|[.,]\d))\b"
_ACRONYM_YEAR = re.compile(r"\b(?:at|in|to|for)\s+(?:the\s+)?([A-Z][A-Za-z]*[A-Z][A-Za-z-]*)\s+"
                           r"(?:(?:(?:19|20)\d{2}|['’]\d{2})\b|" + _EDITION_NUMBER + ")")
# "presented at Widget und Gadget 27": a meeting of capitalised words (small words between) and its edition.
_MEETING_EDITION = re.compile(r"\b(?:at|to)\s+(?:the\s+)?([A-Z][a-z]+(?:\s+(?:(?:und|and|de|of|on|for|in)\s+)?[A-Z][a-z]+){1,4})"
                              r"\s+" + _EDITION_NUMBER)

# "the ESCAS (European Society for X) conference", "the CESS annual conference", "the QGU Fall Meeting",
# "QWM Triennial Congress (Quill Confederation of Widgeteers)": a body's acronym, perhaps its name in
# brackets, and the kind of its meeting, in any case. Group 1 the acronym, 2 and 4 a bracketed name,
# 3 the meeting's words. ("the IEEE International Conference on X" is a longer name.)
_MEETING_KIND = (r"(?:(?:annual|biennial|triennial|fall|autumn|spring|summer|winter|world|general|scientific|"
                 r"international|regional|national|joint)\s+){0,3}(?:conference|meeting|congress|symposium|forum|"
                 r"(?<=general )assembly)")  # "the QGU General Assembly", a union's meeting
_ACRONYM_MEETING = re.compile(r"\b((?-i:[A-Z][A-Z0-9&]{1,9})(?:-(?-i:[A-Z]{1,4}))?)\)?(?:[ \t]+\(((?-i:[A-Z])[^()\n]{4,120})\))?"
                              r"[ \t]+(" + _MEETING_KIND + r")\b(?!\s+(?:on|of|for)\s+(?:the\s+)?(?-i:[A-Z]))"
                              r"(?:[ \t]+\(((?-i:[A-Z])[^()\n]{4,120})\))?", re.I)
# "WCQ 2022 (Widget College of Quills Scientific Conference)": an acronym and its year, then the
# meeting's full name in brackets.
_ACRONYM_YEAR_NAMED = re.compile(r"\b([A-Z][A-Z0-9&]{1,9})\s+((?:19|20)\d{2})\s+\(([A-Z][^()\n]{4,120}?\s+"
                                 r"(?i:" + _MEETING_KIND + r"))\)")
_NAME_BEFORE_BRACKET = re.compile(r"((?-i:[A-Z])[\w'’-]+(?:\s+(?:of|for|and|the|on|&)?\s*(?-i:[A-Z])[\w'’-]+){1,8})\s+\($")
_MEETING_TAIL = re.compile(r"\s+" + _MEETING_KIND + r"$", re.I)


def society_of_meeting_named(name: str) -> str | None:
    """The society in a meeting's name ("Annual Conference of the Widget Society", "Widget
    Association for Quill Studies Annual Conference"), or None."""
    for pattern, named in ((_MEETING_OF, _SOCIETY_HEADS), (_SOCIETY_THEN_MEETING, _SOCIETY_NAME_END)):
        found = pattern.search(name)
        society = found.group(1).strip() if found else ""
        if len(society.split()) >= 2 and named.search(society):
            return society
    return None


class VenueMentions:
    """The venue rules of :class:`~sopgraph.mentions.MentionCollector`.

    A mixin: it reads the collector's ``doc``, ``text``, ``registry``, ``gazetteer`` and
    ``_cued_venue_spans``, and calls its ``section``, ``_taken``, ``_orig``, ``_register``,
    ``_gazetteer_tokens`` and ``_names_an_organisation``.
    """

    def _venue_context(self, span: Span, entry) -> bool:
        """An acronym or a one-word title is a venue only where the text speaks of publishing."""
        doc = self.doc
        if entry.type == "preprint" or len(span) > 2 and not span.text.isupper():
            return True
        nxt = doc[span.end] if span.end < len(doc) else None
        if nxt is not None and (re.fullmatch(r"(?:19|20)\d{2}|['’]\d{2}", nxt.text) or nxt.lower_ in ("workshop", "workshops", "conference")):
            return True
        if nxt is not None and nxt.text in ("'", "’") and span.end + 1 < len(doc) and doc[span.end + 1].like_num:
            return True
        if nxt is not None and nxt.like_num and span.text.isupper():
            return False  # "RM 135,000", "USD 2 million": a currency before an amount
        return self._publication_context(span) if entry.type == "journal" else self._publish_cue(span)

    def _publish_cue(self, span: Span) -> bool:
        publish = load_cues()["publish"] | {"conference", "workshop", "venue", "submit", "review"}
        return any((t.lemma_ or t.lower_).lower() in publish for t in span.sent)

    @cached_property
    def _full_venue_starts(self) -> frozenset[int]:
        """Where the gazetteer found a venue's full name (more than two tokens: not "ICC")."""
        return frozenset(v.start for v in self.doc.spans.get(GAZETTEER_KEY, []) if v.label_ == "VENUE" and len(v) > 2)

    def _sponsor_of_venue(self, span: Span) -> bool:
        """Is the listed organisation ``span`` the first words of a listed venue ("IEEE/ACM" + "International Symposium …")?"""
        # only before a venue's full name: in "IEEE ICC" the society is named on its own
        venue_starts = self._full_venue_starts
        at = span.end
        while at < len(self.doc) and (self.doc[at].text == "/" or (self.doc[at].i in self._gazetteer_tokens
                                                                    and at not in venue_starts)):
            at += 1
        return at in venue_starts and at - span.end <= 3

    def _society_in_meeting_name(self, venue: Span) -> Span | None:
        """"the Annual Conference of the Widget Society", "the Widget Society (WS) Annual Meeting":
        the society a meeting is named after, itself an organisation the text names."""
        found = society_of_meeting_named(venue.text)
        if found is None:
            return None
        at = venue.text.index(found)
        return venue.doc.char_span(venue.start_char + at, venue.start_char + at + len(found), alignment_mode="contract")

    def _society_of_meeting(self, span: Span) -> bool:
        """Is the listed organisation ``span`` the society of a meeting named after it ("the X Annual Meeting")?"""
        # (or of one named by its acronym, "the QGU General Assembly": the acronym names the meeting there)
        return any(start <= span.start and span.end < end for start, end in (*self._meeting_names,
                                                                              *self._acronym_meeting_spans))

    @cached_property
    def _meeting_names(self) -> tuple[tuple[int, int], ...]:
        """Token bounds of the venues the patterns found that end in "Meeting", "Forum", …"""
        return tuple((p.start, p.end) for p in self.doc.spans.get(PATTERNS_KEY, [])
                     if p.label_ == "VENUE" and p[-1].lower_ in _MEETING_WORDS)

    def _publication_context(self, span: Span) -> bool:
        """A journal name that is also a word ("Science", "Cell") needs 'published in …'."""
        before = self.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.is_title and not before.is_sent_start:
            return False  # part of a longer name: "Computer Science"
        publish = load_cues()["publish"]
        return any((t.lemma_ or t.lower_).lower() in publish for t in span.sent)

    def add_venue(self, label: str, span: Span | None, entry=None, aliases: list[str] | None = None) -> int:
        start, end = self._orig(span) if span is not None else (-1, -1)
        if entry is not None:
            host = re.match(r"(.+?) Workshops?$", entry.name) if entry.type == "workshop" else None
            host_entry = self.gazetteer.find_venue(host.group(1)) if host else None
            if host_entry is not None and host_entry.id != entry.id:
                self.add_venue(host_entry.name, None, host_entry)  # "NeurIPS workshop" names NeurIPS too
            names = [entry.full_name or "", *entry.aliases[:6], *(aliases or ())]
            attrs = {"gazetteer": entry.id, "venueType": entry.type}
            index = self.registry.add("venue", entry.name, key=f"gaz:{entry.id}", aliases=[a for a in names if a],
                                      attributes=attrs, start=start, end=end, source="gazetteer")
        else:
            index = self.registry.add("venue", label, aliases=aliases or (), start=start, end=end, source="pattern")
        return self._register(span, index) if span is not None else index

    def _inside_a_patterned_name(self, span: Span) -> bool:
        """"Cognition" of "International Conference on Widget Perception and Cognition": a listed
        journal inside a longer venue name the patterns read ("Group" of "the Widget Reading Group": or an
        organisation's)."""
        return any(p.label_ in ("VENUE", "ORG") and p.start <= span.start and span.end <= p.end and len(p) > len(span)
                   for p in self.doc.spans.get(PATTERNS_KEY, []))

    def _cued_venues(self) -> None:
        """Journals named after a publishing cue or before a citation (see :mod:`sopgraph.venue_cues`),
        unless the words name an organisation ("submitted to the Widget Foundation"), a person or
        a place, or a venue pattern reads the whole name (and trims its date) already."""
        patterned = [p for p in self.doc.spans.get(PATTERNS_KEY, []) if p.label_ == "VENUE"]
        listed = self.doc.spans.get(GAZETTEER_KEY, [])
        for cued in cued_venue_spans(self.doc):
            span = without_date_or_place(cued)
            if self._taken(span) or self.section(span) != "BODY" \
                    or any(p.start <= span.start and span.end <= p.end for p in patterned) \
                    or any(g.start <= span.start < g.end and g.end > span.end for g in listed):
                continue  # a listed name that goes on past the cued words ("… on Acoustics, Speech and …")
            text = span.text
            entry = self.gazetteer.find_venue(text)
            # "in Geoderma Widgetica (2022)": words after a listed journal's name in the cued place go on
            # its title, whatever the model calls them
            lengthened = any(g.label_ == "VENUE" and g.start == span.start and g.end < span.end for g in listed)
            if entry is None and (self._names_an_organisation(text)
                                  or not lengthened and all(t.ent_type_ in ("GPE", "LOC", "DATE", "LANGUAGE", "NORP") or t.is_punct
                                         or (t.ent_type_ == "PERSON" and cued.label_ != "VENUE") for t in span)):
                continue
            self._cued_venue_spans.append(span)
            self.add_venue(entry.name if entry else text, span, entry)

    def _acronym_meetings(self) -> None:
        """"the ESCAS (European Society for X) conference", "WCQ 2022 (Widget College of Quills Scientific
        Conference)": a meeting named by its body's acronym (see the expressions above) is a venue, and the
        body named in brackets is an organisation. Listed venues are left to the lists."""
        for m in _ACRONYM_MEETING.finditer(self.text):
            acronym, kind = m.group(1), m.group(3)
            if self.gazetteer.find_venue(acronym) or self.gazetteer.find_venue(f"{acronym} {kind}"):
                continue
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or self._taken(span) or self.section(span) not in ("BODY", "REFERENCES"):
                continue
            if self.text[m.end(1):m.end(1) + 1] == ")":
                self._meeting_after_its_acronym(m)
                continue
            body = m.group(2) or m.group(4)
            # the acronym alone names the meeting too ("at CESS 2023", "CESS" in a list of talks)
            aliases = [acronym, *([f"{body} {kind}"] if body and not _MEETING_TAIL.search(body) else [])]
            if body:
                self._bracketed_body(m.start(2) if m.group(2) else m.start(4), body, acronym)
            self.add_venue(f"{acronym} {kind}", span, None, aliases)
            self._acronym_meeting_spans.append((span.start, span.end))
        for m in _ACRONYM_YEAR_NAMED.finditer(self.text):
            span = self.doc.char_span(m.start(), m.end(), alignment_mode="contract")
            if span is None or self._taken(span) or self.section(span) not in ("BODY", "REFERENCES") \
                    or self.gazetteer.find_venue(m.group(1)):
                continue
            full = m.group(3)
            self._bracketed_body(m.start(3), _MEETING_TAIL.sub("", full), m.group(1))
            self.add_venue(full, span, None, [f"{m.group(1)} {m.group(2)}"])

    def _meeting_after_its_acronym(self, m: re.Match) -> None:
        """"the Quill Geophysical Union (QGU) Fall Meeting": the body named before its bracketed acronym
        (``m`` a match of the acronym and the meeting's words) names the meeting in full."""
        acronym, kind = m.group(1), m.group(3)
        before = _NAME_BEFORE_BRACKET.search(self.text, max(0, m.start(1) - 200), m.start(1))
        span = self.doc.char_span(m.start(1), m.end(), alignment_mode="contract")
        if before is not None and span is not None and not self._taken(span):
            self.add_venue(f"{before.group(1)} {kind}", span, None, [f"{acronym} {kind}", acronym])

    def _bracketed_body(self, start: int, name: str, acronym: str) -> None:
        """The body a meeting is named after, given in brackets: an organisation if its name says so,
        known by the acronym of its meeting too."""
        if len(name.split()) < 2 or not (self._names_an_organisation(name) or _SOCIETY_HEADS.search(name)):
            return
        body = self.doc.char_span(start, start + len(name), alignment_mode="contract")
        index = self._add_org_text(body, "meeting-body") if body is not None and not self._taken(body) else None
        if index is not None:
            self.registry.records[index].aliases.add(acronym)
            self.registry.alias("organization", acronym, index)

    def _acronym_venues(self) -> None:
        """'presented at CLEO 2024', 'accepted to RoboSoft 2025', 'presented at SALT 32': an acronym with
        a year or an edition number, or a meeting's name with its edition number ('at Widget und Gadget
        27'), in a sentence about publishing names a venue even when no list knows it."""
        for m in [*_ACRONYM_YEAR.finditer(self.text), *_MEETING_EDITION.finditer(self.text)]:
            span = self.doc.char_span(m.start(1), m.end(1))
            if span is None or self._taken(span) or self.section(span) != "BODY" or not self._publish_cue(span):
                continue
            entry = self.gazetteer.find_venue(m.group(1))
            if m.re is _MEETING_EDITION and entry is None and (
                    self._names_an_organisation(span.text) or any(t.ent_type_ in ("GPE", "LOC", "PERSON", "DATE") for t in span)):
                continue  # "presented at Widget University 2 …": a host, a place or a person, not a meeting
            self.add_venue(m.group(1), span, entry)
