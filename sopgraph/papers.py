"""Papers and where they appeared: reference-list entries and titles claimed in the text.

Works on a :class:`~sopgraph.mentions.MentionCollector` after entities and the applicant are
known: a reference with the applicant among its authors, or a quoted title the text claims
("our paper, 'X', published at ICML 2020"), becomes a paper the applicant wrote.
"""
from __future__ import annotations

import re

from spacy.tokens import Span

from . import titles
from .citations import find_citations
from .mentions import MentionCollector
from .model import APPLICANT, Fact
from .names import fold, given_first, looks_like_name, name_tokens, surname_first_forms
from .references import ARXIV_ID
from .relations import load_cues
from .sentence_cues import written_in_third_person
from .venue_mentions import society_of_meeting_named

_COAUTHORED = re.compile(r"\b(?:co-?authored with|joint (?:work|paper) with)\b", re.I)
# "Co-authored the policy brief '…' (2022).": a résumé line whose unnamed subject is the author.
_SUBJECTLESS_CLAIM = re.compile(r"^\W*(?:co-?authored|authored|co-?wrote|wrote|published|presented)\b", re.I)
# "This work appeared as '…'", "The results, reported in '…'": the narrative's own work, named back.
_OWN_WORK = re.compile(r"\b(?:(?:this|these|the resulting)\s+(?:work|project|study|paper|research|results?|findings|analysis)"
                       r"|the (?:results|findings))\b", re.I)
# "Dr. P" or "Prof P" after "in": a person, not a venue
_TITLED = re.compile(titles.alternation("academic", "courtesy", "professional") + r"(?!\w)")
# '"Title," in J. Mater. Chem. A (2023)', '"Title" published in Biotropica', '"Title", paper presented at the X
# Congress': the venue named right after a claimed title, as a run of capitalised words and abbreviations.
_VENUE_WORD = r"(?:[A-Z][\w&'’-]*\.?|[A-Z])"
_VENUE_AFTER = re.compile(r"[\s,.”\"'’]*(?:(?:which\s+)?(?:is\s+|was\s+)?(?:currently\s+)?(?:(?:an?\s+)?(?:paper|poster|talk|abstract|(?:oral\s+)?presentation)\s+)?(?:published|appeared|to appear|accepted|presented|under review|submitted)\s+)?(?:(?:in|at|to)\s+|[\[(])"
                          r"(?:the\s+)?(?:\d+(?:st|nd|rd|th)\s+)?"
                          rf"({_VENUE_WORD}(?:\s+(?:{_VENUE_WORD}|(?:of|on|for|in) the|of|on|for|and|&|in))*"
                          # ("in Widgetry: Journal of Quills and Inks": a name and its subtitle, not a sentence after a colon)
                          rf"(?::\s+(?!(?:The|This|That|These|It|We|I|A|An|Our|My)\b)[A-Z][\w&'’-]*(?:\s+(?:of|on|for|and|&|in)?\s*[A-Z][\w&'’-]*)*)?)")
# A line of a list that opens with a quoted title, after "(a) ", "b) ", "[3] ", "2. ", "- " or "• ";
# after a bullet, a résumé item may say first what the work is ("- 2022 — Poster, X Meeting: "…"").
# (a Markdown list loses its bullets: then the item opens with its year or its status, "In preparation — "…"")
_ITEM_LINE = re.compile(r"\s*(?:(?:\(?[a-z]\)|\[\d{1,3}\]|\d{1,3}[.)])\s*|[-*•]\s*(?:[^\"“\n]{1,80}?(?:[:—–]|\s-)\s*)?"
                        r"|(?:(?:19|20)\d{2}\b|(?i:in preparation|in press|forthcoming|submitted|under review)\b)"
                        r"[^\"“\n]{0,80}?(?:[:—–]|\s-)\s*)?[\"“]")
# "… have been published as follows:", "My publications:", "Selected papers:": a list of one's own work opens.
_OWN_LIST_OPENER = re.compile(r"\b(?:published|publications?|papers?|articles?|my (?:work|output)|presented)\b", re.I)
# '"Title", Accident Widgets & Prevention, 2022': a list item naming the venue between commas, before the year.
_VENUE_THEN_YEAR = re.compile(r"[”\"'’]?\s*,\s*(" + _VENUE_WORD + r"(?:\s+(?:" + _VENUE_WORD
                              + r"|of|on|for|and|&|in|the))*)(?:\s*\([A-Z][\w-]*\))?,\s*(?:19|20)\d{2}\b")
# A working-paper or report series named right after a title and its comma, up to its number.
_SERIES_AFTER = re.compile(r"[”\"'’]?\s*,?\s*[”\"'’]?\s*((?:[A-Z][\w.&'’-]*\s+){0,4}(?:Working|Discussion|Policy|Staff)\s+"
                           r"(?:Papers?|Notes?)(?:\s+Series)?(?:\s+(?:of|in|de|del|da|do|en)(?:\s+the)?(?:\s+(?:of|de|del|the)?\s*"
                           r"(?!No\.)[A-Z][\w.&'’-]*)+)?)(?=\s*(?:,|No\.|n[oº°]\.?\s*\d|\d|\(|$))")
# What may stand between a closing quote and what follows the title: punctuation and an opening bracket.
_OPENING = re.compile(r"[\s,.”\"'’]*[\[(]?\s*")
_CITED_AFTER = re.compile(r"\s*,?\s*[\[(][^\])\n]{0,80}?\b(?:19|20)\d{2}[a-z]?\)?[\])]")
# What may follow a title listed on its own line: nothing, or "(with A and B)", and a full stop.
_LINE_TAIL = re.compile(r"\s*(?:\(\s*(?:with|joint with|co-?authored with)\s+[^)]{2,120}\))?\s*[.,;]?\s*")
# A quoted name used as a modifier ('a "Data for All" bootcamp') or quoted words ('the judges' questions ("…")').
_NAMED_THING_AFTER = re.compile(r"\s*(?:bootcamp|course|class|module|seminar|workshop|series|club|challenge|competition|"
                                r"hackathon|campaign|initiative|program|programme|project|event|festival)s?\b", re.I)
# 'the online course "Title"', 'the book "Title"': a course or a book someone else made, not the applicant's paper.
_NAMED_THING_BEFORE = re.compile(r"\b(?:course|class|module|lecture|lectures|seminar|bootcamp|MOOC|book|textbook|"
                                 r"novel|podcast|documentary|film|song|series)\s*[,:]?\s*$", re.I)
# 'her next project, "Title",': planned work, named like a paper but no paper yet (unless a paper of the
# project is what the title names: 'a first article from this project, "Title"').
_NAMED_PROJECT_BEFORE = re.compile(r"^(?:(?!\b(?:article|paper|chapter|publication)s?\b).)*\b(?:project|proposal|grant)"
                                   r"\s*[,:]?\s*$", re.I | re.S)
# 'the workshop "Title"': a meeting named in quotes, which is a venue
_MEETING_BEFORE = re.compile(r"\b(?:workshop|conference|symposium|colloquium|congress|panel)\s*[,:]?\s*$", re.I)
# the editors of a book a chapter appeared in, then the book's title: "(eds), Widget Law Reviewed (Publisher 2023)"
_EDITED_BOOK = re.compile(r"\s*\((?:eds?|Hrsg|coords?|dir)\.?\)\s*,?\s*([A-Z][^()\n]{3,150}?)\s*\(")
# what may stand between a body's name and the quoted title of its programme: its code ("SFB 1234", "EXC-2075")
# ("a fellow officer at the X: "Title"": a colon after the name alone opens what the sentence names next)
_BODY_CODE = re.compile(r"\s*(?:[A-Z]{2,6}[\s-]?\d{2,5}\s*[,:]?|,)?\s*")
_QUOTED_SAYING_BEFORE = re.compile(r"\b(?:questions?|asked|asking|motto|saying|words|slogan|told me|said)\W{0,4}$", re.I)
# Double quotes may hold apostrophes ("children's"); single quotes only inside a word, and an apostrophe
# after a letter opens none ("d'Architecture").
# "(2021). " right before a title: the year of an author–year entry
_YEAR_BEFORE = re.compile(r"\((?:19|20)\d{2}[a-z]?\)[.,]?\s*$")
# "my thesis, ", "the dissertation entitled ": a thesis, then its title
_THESIS_BEFORE = re.compile(r"\b(?:thesis|dissertation|mémoire|memoire|monograph|tesina)\b"
                            r"(?:\s*,|\s+(?:entitled|titled|called))?[\s*_]*$", re.I)
# "The second, …", "Another, …", "A follow-up, …": a sentence that goes on counting works.
_NEXT_IN_COUNT = re.compile(r"\s*(?:the|a|my|our|her|his)?\s*(?:second|third|fourth|fifth|other|latter|last|next|"
                            r"follow-up|follow up|sequel|companion)\b|\s*another\b", re.I)
# "Two results of this work have been published. The first, "…", appeared in X": the sentence before
# announces how many works follow, and the first of them opens the next one.
_FIRST_OF_COUNT = re.compile(r"\s*(?:the|my|our)\s+first\b", re.I)
_COUNT_ANNOUNCED = re.compile(r"\b(?:two|three|four|five|several|both)\s+(?:[\w-]+\s+){0,2}(?:results|papers|articles|studies|"
                              r"works|manuscripts|publications|chapters)\b[^.;]{0,80}\b(?:published|presented|appeared|accepted)\b",
                              re.I)
_QUOTED = re.compile(r"[\"“]([A-Z][^\"”\n]{12,200})[\"”]|(?<!\w)['‘]([A-Z](?:[^'’\n]|['’](?=[a-z]))+?)['’](?![a-z])"
                     r"|«\s*([A-Z][^»\n]{12,200}?)\s*»")


def defined_acronyms(name: str) -> list[str]:
    """Short names a venue's full name defines: "… Algorithms (SEA)" → SEA; a joint meeting's
    "X (GRADES) and Y (NDA)" → GRADES, NDA and the joined "GRADES-NDA" it is cited by."""
    found = re.findall(r"\(([A-Z][A-Za-z0-9-]{1,10})\)", name)
    return [*found, "-".join(found)] if len(found) > 1 else found


class PaperFinder:
    """Turns reference entries and claimed titles into paper facts."""

    def __init__(self, collector: MentionCollector):
        self.c = collector

    def venue_for(self, text: str | None) -> int | None:
        """Resolve a reference's venue string to a venue record (adding it if needed)."""
        if not text:
            return None
        hosted = re.match(r"(.+?\b(?:workshop|symposium)\b.*?)\s+(?:at|@|co-located with|in conjunction with)\s+(.+)$", text, re.I)
        if hosted:
            self.venue_for(hosted.group(2))  # the host conference is named too
            text = hosted.group(1).rstrip(" ,;")
        # "IROS Workshop on X" and "CVPR Workshops (CVPRW), X Workshop": a workshop named after its host
        # conference is its own venue, and the host is named too
        led = re.match(r"([A-Z][A-Za-z-]{1,10})\s+((?:International\s+)?Workshop\s+(?:on|for)\b.+)$", text) \
            or re.match(r"(.+?),\s+([^,]*\bWorkshop)$", text)
        host = self.c.gazetteer.find_venue(re.sub(r"\s*\([^)]*\)$", "", led.group(1))) if led else None
        if host is not None and (host.type != "workshop" or led.group(2).endswith("Workshop")):
            self.c.add_venue(host.name, None, host)
            text = led.group(2)
        acronym = re.search(r"\(([A-Z][A-Za-z-]{1,10})\)\s*$", text)
        entry = (self.c.gazetteer.find_venue(acronym.group(1)) if acronym else None) or self.c.gazetteer.find_venue(text)
        if entry is not None and acronym and not entry.shares_a_word(text[:acronym.start()]):
            # "Widget and Quill Computing Conference (SMC)": the text's meeting of that acronym is not the listed
            # one ("Conference on Systems, Man and Cybernetics"), whose name has none of its words
            entry = self.c.gazetteer.find_venue(text[:acronym.start()].strip())
        specific_workshop = re.search(r"\b(?:workshop|symposium) (?:on|for)\b|\b\w+ (?:workshop|symposium)\b", text, re.I)
        if entry and not (specific_workshop and entry.type == "workshop" and fold(entry.name) != fold(text)):
            return self.c.add_venue(entry.name, None, entry, aliases=defined_acronyms(text))
        # "X Society (XS) Annual Meeting": the acronym inside the name is an alias, and the society an organisation
        name = re.sub(r"\s*\([A-Z][A-Za-z0-9&-]{1,10}\)(?=\s)", "", re.sub(r"\s*\([^)]*\)\s*$", "", text))
        society = society_of_meeting_named(name) if name else None
        if society is not None:
            self.c.add_org_name(society)
        return self.c.add_venue(name, None, aliases=defined_acronyms(text)) if name else None

    def _venue_after(self, start: int) -> int | None:
        """The venue named right after a claimed title that ends at ``start``
        ('"…," in J. Mater. Chem. A (2023)'), or None."""
        ident = ARXIV_ID.match(self.c.text, _OPENING.match(self.c.text, start).end())
        if ident and ident.group().lower().startswith("arxiv"):
            return self.venue_for("arXiv")  # '"Title" (arXiv:2406.11873, submitted)': a preprint's identifier
        series = _SERIES_AFTER.match(self.c.text, start, start + 200)
        if series:  # '"Title," Working Papers of the Widget Bank No. 1012': a paper series after a comma
            return self.venue_for(series.group(1))
        found = _VENUE_AFTER.match(self.c.text, start, start + 200) or _VENUE_THEN_YEAR.match(self.c.text, start, start + 200)
        if not found:
            return None
        for span, index in self.c.spans:  # a venue the patterns or the gazetteer already found there
            if self.c.registry.records[index].kind == "venue" and span.start_char <= found.start(1) < span.end_char:
                return index
        edited = _EDITED_BOOK.match(self.c.text, found.end(1))
        if edited:  # "'Title' in Ada Quill and Bea Renn (eds), Widget Law Reviewed (Publisher 2023)": the book
            return self.venue_for(edited.group(1))
        words = found.group(1).split()
        for k, word in enumerate(words):
            following = words[k + 1] if k + 1 < len(words) else ""
            # "Nature. The …": a full stop not followed by another abbreviation ends the sentence.
            if word.endswith(".") and not (following.endswith(".") or re.fullmatch(r"[A-Z]", following)):
                words = words[:k + 1]
                # "Chem. Mater." keeps its stops (every word abbreviated); "Nature." ends a sentence
                abbreviated = len(words) > 1 and all(re.fullmatch(r"[A-Z][a-z]{0,5}\.|[A-Z]", w) for w in words)
                words[-1] = word if abbreviated else word[:-1]
                break
        name = re.sub(r"(?:\s+(?:of|on|for|and|&|in|the))+$", "", " ".join(words)).strip()
        name = re.sub(r"^Proceedings of (?:the )?(?=\w)", "", name)  # the meeting is the venue
        # ('"Title", Acta Widgetica, 2022': between the title and its year, a name is the journal's whatever
        # the model called it)
        if len(name) < 3 or _TITLED.match(name) or (found.re is not _VENUE_THEN_YEAR and self._names_a_person(name)):
            return None
        bracketed = self.c.text[found.start(1) - 1] in "[("
        if bracketed and not (self.c.gazetteer.find_venue(name) or re.search(r"\b[A-Z][a-z]{0,5}\.", name)) \
                or re.match(r"\s*(?:et al|and [A-Z]|&)", self.c.text[found.end(1):found.end(1) + 8]):
            return None  # "(Okafor et al., 2020)" after a title cites authors; a venue in brackets is abbreviated or known
        return self.venue_for(name)

    def _listed_on_its_own_line(self, m: re.Match) -> bool:
        """A quoted title alone on its line, or opening one with "(with Co-Author)": the statement lists its own work."""
        text = self.c.text
        line_start, line_end = self.c.line_bounds(m.start(), m.end())
        rest = text[m.end():line_end]
        opens_line = not text[line_start:m.start()].strip(" \t-*•0-9.")
        return opens_line and bool(_LINE_TAIL.fullmatch(rest) or re.match(r"\s*\((?:with|joint with)\s", rest))

    def _item_of_own_list(self, m: re.Match) -> bool:
        """'… have been published as follows:' then '(a) "Title", Journal, 2022;' lines: a list of
        the applicant's own work, each item opening with its quoted title."""
        text = self.c.text
        line_start, _ = self.c.line_bounds(m.start(), m.end())
        if not _ITEM_LINE.match(text, line_start, m.end()):
            return False
        at = line_start
        while at > 0:  # back over earlier items and blank lines to the line that opens the list
            start, end = self.c.line_bounds(at - 1, at - 1)
            line = text[start:end].strip()
            if line and not _ITEM_LINE.match(line):
                # the list opens after "…, as follows:" or under a heading ("4. Presentations and publications")
                heading = len(line.split()) <= 6 and not line.endswith((".", ",", ";", "?", "!"))
                return (line.endswith(":") or heading) and bool(_OWN_LIST_OPENER.search(line))
            at = start
        return False

    def _names_a_person(self, name: str) -> bool:
        """Is ``name`` a person of the document, in full or by surname ("at Smith's lab")?"""
        folded = fold(name)
        for _, index in self.c.person_spans():
            tokens = name_tokens(self.c.registry.records[index].label)
            if tokens and folded in (fold(" ".join(tokens)), fold(tokens[-1])):
                return True
        return False

    def reference_facts(self) -> list[Fact]:
        """Papers of the reference list: authorship, venue and year, and what citing sentences add."""
        facts: list[Fact] = []
        papers: dict[int, int] = {}
        for number, ref in enumerate(self.c.references):
            if not ref.title:
                continue
            paper = self.c.registry.add("paper", ref.title, source="reference")
            papers[number] = paper
            self.venue_for(ref.submitted_to)  # named, but not where the paper appeared
            venue = self.venue_for(ref.venue)
            if venue is not None:
                facts.append(Fact(paper, "publishedIn", venue, 0.9, "reference-entry", ref.raw))
            if ref.year:
                facts.append(Fact(paper, "year", str(ref.year), 0.95, "reference-entry", ref.raw))
            for author in ref.authors:
                if self.c.applicant_name and self.c.is_applicant_name(author):
                    facts.append(Fact(APPLICANT, "authorOf", paper, 0.95, "reference-author", ref.raw))
                elif looks_like_name(author):
                    person = self.c.registry.add_person(author, source="reference")
                    # "Reddy SM" as the list wrote it: an alias, so the name is found in either order.
                    self.c.registry.records[person].aliases.update(f for f in surname_first_forms(author) if f in ref.raw)
                    facts.append(Fact(person, "authorOf", paper, 0.9, "reference-author", ref.raw))
        return facts + self._citing_sentence_facts(papers, facts)

    def _citing_sentence_facts(self, papers: dict[int, int], known: list[Fact]) -> list[Fact]:
        """'I presented this work [1] at the X Workshop': the citing sentence claims the cited
        paper for the applicant and may name where it appeared when the entry does not."""
        doc = self.c.doc
        publish = load_cues()["publish"]
        mine = {f.object for f in known if f.subject == APPLICANT and f.predicate == "authorOf"}
        placed = {f.subject for f in known if f.predicate == "publishedIn"}
        facts: list[Fact] = []
        for cite in find_citations(self.c.text, self.c.references):
            paper = papers.get(cite.reference)
            span = doc.char_span(cite.start, cite.end, alignment_mode="expand")
            if paper is None or span is None or self.c.section(span) != "BODY":
                continue
            sent = span.sent
            words = {t.lower_ for t in sent}
            if not (words & {"i", "my", "our", "we"}) or not ({(t.lemma_ or t.lower_).lower() for t in sent} & publish):
                continue
            evidence = sent.text.strip()
            authors = self.c.references[cite.reference].authors
            # ("… through Haddad and Okonkwo (2022), whose paper … changed how I saw my results": a paper
            # whose listed authors do not include the applicant is someone else's)
            theirs = bool(authors) and not any(self.c.is_applicant_name(a) for a in authors)
            if paper not in mine and words & {"my", "our"} and not theirs:
                facts.append(Fact(APPLICANT, "authorOf", paper, 0.7, "citing-sentence", evidence))
                mine.add(paper)
            if paper not in placed:
                venues = self._venues_in(sent)
                if venues:
                    facts.append(Fact(paper, "publishedIn", venues[0], 0.6, "citing-sentence", evidence))
                    placed.add(paper)
        return facts

    def _first_of_announced(self, sent: Span) -> bool:
        """Does ``sent`` open "The first, …" after a sentence announcing the works that follow ("Two results
        of this work have been published or presented"), one that names nobody else as their author?"""
        if not _FIRST_OF_COUNT.match(sent.text) or sent.start == 0:
            return False
        before = self.c.doc[sent.start - 1].sent
        return bool(_COUNT_ANNOUNCED.search(before.text)) and not any(
            before.start <= s.start < before.end and not self.c.is_applicant(i) for s, i in self.c.person_spans())

    def _titles_a_body(self, quote: int) -> bool:
        """Does the quote opening at ``quote`` follow an organisation's name, perhaps with its code?"""
        return any(s.end_char <= quote and _BODY_CODE.fullmatch(self.c.text, s.end_char, quote)
                   for s, _ in self.c.org_spans())

    def _venues_in(self, context: Span) -> list[int]:
        """The venues named in ``context`` ("It came out in the *X Journal* in 2019 as '…'"), in order."""
        return [i for s, i in self.c.spans if self.c.registry.records[i].kind == "venue"
                and context.start <= s.start < context.end]

    def body_paper_facts(self) -> list[Fact]:
        """Quoted titles the applicant claims: "our paper, 'Title', published at VENUE 2020".

        The claim is read from the sentences around the quote: a paper word or a publishing
        verb, and an owner — first person, the applicant's surname (as in "(Doe and Roe,
        2024)"), she/he in a statement written in the third person, "co-authored with", or a
        résumé line with no subject ("Co-authored the brief '…'") — in the quote's sentence or the
        one before ("I built X. This work appeared as '…'").
        """
        cues = load_cues()["publish"] | {"work", "paper", "article", "study", "preprint", "manuscript", "chapter", "talk", "poster"}
        surname = name_tokens(given_first(self.c.applicant_name))[-1] if self.c.applicant_name else None
        doc = self.c.doc
        owners = {"our", "my", "i", "we", "me"} | ({"she", "her", "he", "his"} if written_in_third_person(doc) else set())
        facts: list[Fact] = []
        claimed_at = -1  # where the sentence of the last claimed title ends
        for m in _QUOTED.finditer(self.c.text):
            group = m.lastindex or 1
            if not 12 <= m.end(group) - m.start(group) <= 200:
                continue
            span = doc.char_span(m.start(group), m.end(group), alignment_mode="expand")
            if span is None or self.c.section(span) != "BODY":
                continue
            title = m.group(group).strip(" ,.")
            if len(title.split()) < 3:
                continue
            if _MEETING_BEFORE.search(self.c.text, max(0, m.start() - 30), m.start()):
                self.c.add_venue(title, None, self.c.gazetteer.find_venue(title))
                continue
            first, last = doc[span.start].sent, doc[span.end - 1].sent
            context = doc[first.start:last.end]
            words = {t.lower_ for t in context}
            lemmas = {(t.lemma_ or t.lower_).lower() for t in context}
            # '"Title" [Phys. Rev. Lett. 131, 220402 (2023)]': a citation right after the quote marks a paper
            cited = _CITED_AFTER.match(self.c.text, m.end())
            listed = self._listed_on_its_own_line(m) or self._item_of_own_list(m)
            subjectless = bool(_SUBJECTLESS_CLAIM.match(first.text))
            # (a venue named beside a reference entry's title is the entry's, which the reference rules read)
            named_venue = bool(self._venues_in(context)) and not self.c.in_reference_line(m.start())
            # (a thesis named by its title is a work of the applicant's too: "My mémoire, « Title », compared …")
            thesis = bool(_THESIS_BEFORE.search(self.c.text, max(first.start_char, m.start() - 60), m.start()))
            # ('… : Roe, J. & Quill, A. (2021). "Title"': an author–year entry written inline)
            entry = bool(_YEAR_BEFORE.search(self.c.text, max(0, m.start() - 12), m.start()))
            if not (lemmas & cues or words & cues or cited or listed or subjectless or named_venue or thesis or entry):
                continue
            claim = doc[max(first.start - 1, 0)].sent
            claim = doc[min(claim.start, first.start):last.end]
            claimed = {t.lower_ for t in claim}
            before_quote = self.c.text[first.start_char:m.start()]
            # "… two papers. The first, "…", was published in X. The second, "…", appeared in Y": a title
            # that goes on counting the applicant's titles of the sentence before is theirs too
            counted = (_NEXT_IN_COUNT.match(first.text) is not None and 0 <= first.start_char - claimed_at <= 2) \
                or self._first_of_announced(first)
            if not (claimed & owners or _COAUTHORED.search(claim.text) or _OWN_WORK.search(before_quote)
                    or listed or subjectless or counted
                    or (surname and re.search(rf"(?<!\w){re.escape(fold(surname))}(?!\w)", fold(claim.text)))):
                continue
            if re.search(r"\bthe (?:paper|work|article) (?:of|by)\b", context.text, re.I):
                continue  # someone else's paper, named by its authors
            if _NAMED_THING_AFTER.match(self.c.text, m.end()) or _QUOTED_SAYING_BEFORE.search(
                    self.c.text, max(0, m.start() - 40), m.start()) or _NAMED_THING_BEFORE.search(
                    self.c.text, max(0, m.start() - 30), m.start()) or _NAMED_PROJECT_BEFORE.search(
                    self.c.text[max(first.start_char, m.start() - 40):m.start()]):
                continue  # 'a "Data for All" bootcamp', 'the questions ("What if …?")': a name or words, not a title
            if self._titles_a_body(m.start()):
                continue  # 'the Collaborative Research Centre SFB 1234 "Title"': the programme of a body
            claimed_at = last.end_char
            paper = self.c.registry.add("paper", title, source="quoted-title")
            evidence = context.text.strip()
            facts.append(Fact(APPLICANT, "authorOf", paper, 0.8, "quoted-own-title", evidence))
            # Read past the sentence: the parser may split at the closing quote or inside "J. Mater. Chem. A".
            # ('my thesis, "Title", at the Laboratoire de X': where a thesis was defended is no venue)
            named = None if thesis else self._venue_after(m.end())
            if re.search(r"under review|submitted|in preparation|in submission", evidence, re.I):
                continue  # the venue is named, but the paper has not appeared there
            venues = [i for s, i in self.c.spans if self.c.registry.records[i].kind == "venue" and first.start <= s.start < last.end]
            if named is not None:
                venues.insert(0, named)
            after = self.c.text[m.end():last.end_char]
            if not venues and ARXIV_ID.search(after):
                venues = [self.venue_for("arXiv")]  # '"Title", arXiv:2402.11873': an identifier names no venue span
            if venues:
                facts.append(Fact(paper, "publishedIn", venues[0], 0.7, "quoted-title-venue", evidence))
            year = re.search(r"\b((?:19|20)\d{2})\b", after) or re.search(r"['’](\d{2})\b", after)
            if year and venues:
                value = year.group(1) if len(year.group(1)) == 4 else f"20{year.group(1)}"
                facts.append(Fact(paper, "year", value, 0.7, "quoted-title-year", evidence))
        return facts
