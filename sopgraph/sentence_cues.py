"""What a mention's sentence says about it: cue words, degrees, participles, clauses.

Word sets and small syntactic tests the relation rules share (:mod:`sopgraph.extract`,
:mod:`sopgraph.organisation_relations`, :mod:`sopgraph.person_relations`).
Each test reads one parsed sentence (a spaCy ``Span``); none keeps state.
"""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from .names import TITLE_BEFORE_NAME
from .span_edges import after_bracket
from .typed_names import ORG_NOUNS, ROLE_WAS

SPLIT_DEGREE = re.compile(r"\b[BM]\.\s?(?:S|Sc|A|E|Eng|Tech|Phil)\.")
HEADER_JOB = re.compile(r"\b(?:postdoctoral|postdoc|research(?:er| scientist| fellow| associate| engineer)|"
                         r"(?:assistant|associate) professor|lecturer|engineer|scientist|analyst)\b[^\n]{0,20}[,@|–—-]\s*(?:at\s+)?"
                         r"(?:the\s+)?$", re.I)
# "Ph.D. candidate, X", "Doctoral researcher at X": a student's status before the place of study.
HEADER_STUDENT = re.compile(r"\b(?:ph\.?\s?d\.?|doctoral|graduate|master['’]?s|m\.?sc\.?)\s+(?:candidate|student|researcher)"
                            r"\b[^\n]{0,20}[,@|–—-]\s*(?:at\s+)?(?:the\s+)?$", re.I)
# "X Club", "X Student Chapter", "Community Health Students' Association": student activities, not employers.
CLUB = re.compile(r"\b(?:club|chapter)$|\bstudents?['’]?\s+(?:association|society|union|council|chapter)\b", re.I)
WORKED_LEMMAS = frozenset({"work", "intern", "internship", "spend", "join", "complete", "do", "conduct", "rotate",
                            "rotation", "research"})
TEACHING = frozenset({"teach", "offer", "give", "instruct", "lecture", "deliver"})
THESIS = frozenset({"thesis", "dissertation", "doctorate", "phd", "ph.d.", "dphil"})
# "housemanship" and "house job" are the medical internship in Nigeria, Pakistan, Malaysia and elsewhere.
INTERNSHIP = frozenset({"internship", "intern", "traineeship", "residency", "housemanship", "houseman", "clerkship"})
# Who holds a "visiting"/"guest" post: a research stay at the host, not a degree there.
VISITING_HOLDERS = frozenset({"student", "researcher", "scholar", "scientist", "fellow", "professor", "postdoc"})
VISITING = frozenset({"visiting", "guest"})
FUNDING = frozenset({"fund", "funding", "grant", "award", "fellowship", "scholarship", "support", "sponsor", "proposal"})

FINISH = frozenset({"complete", "finish", "graduate", "defend"})
_DENIED_GROUP = re.compile(r"\b(?:not|never)\b[^.;]{0,40}\bwith (?:that|this) (?:group|lab|laboratory|team|company|institute|centre|center)\b", re.I)
GROUP_NOUNS = frozenset({"lab", "laboratory", "group", "team"})
# "my internship supervisor at X, P", "my head of unit, Dr. P", "my technical director, Dr. P",
# "my manager P" (no comma: the role word right before the name).
_ROLE_WORD = (r"(?:supervisors?|advisors?|advisers?|mentors?|teachers?|tutors?|PIs?|principal investigators?|managers?"
              r"|directors?|boss(?:es)?"
              r"|head of (?:the )?[\w-]+|(?:team|group) lead(?:er)?)")
# "my advisors, P, Q and R": a later name follows the earlier ones and a comma or "and".
# "my boss there, the urban planner P": a description may stand between the role and the name.
_ROLE = (r"(?:[\w-]+ ){0,2}(?:" + _ROLE_WORD + r"\b[^,;.()]{0,60},\s*(?:(?:the|an?)\s+(?:[a-z][\w-]*\s+){1,3})?(?:" + TITLE_BEFORE_NAME + r"?(?:[A-Z][\w'’.-]*\s+){0,2}"
         r"[A-Z][\w'’.-]*(?:,\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+)){0,4}|" + _ROLE_WORD + r"\s+" + ROLE_WAS + ")"
         + TITLE_BEFORE_NAME + "?$")
MY_SUPERVISOR = re.compile(r"\b(?:my|our) " + _ROLE, re.I)
THEIR_SUPERVISOR = re.compile(r"\b(?:her|his|their) " + _ROLE, re.I)
# "The curator who supervised me, Mme P,": the role told by what the person did for the applicant
WHO_GUIDED_ME = re.compile(r"\bthe\s+(?:[\w-]+\s+){1,3}who\s+(?:(?:first|later|also)\s+)?(?:co-?)?"
                           r"(?:supervised|mentored|advised|guided|trained)\s+(?:me|us)\b[^,;.()]{0,40},\s*" + TITLE_BEFORE_NAME + "?$", re.I)
# "he is a colleague, not a supervisor": the role denied in so many words
NOT_THE_ROLE = re.compile(r"\bnot (?:a|an|my|the|our) (?:[\w-]+ )?(?:supervisor|advis[eo]r|mentor)\b", re.I)
# A memo's addressee line, "To: Graduate Admissions, …", "Attn: …", and a profile's "Host: …" (matched from
# the line's start)
TO_LINE = re.compile(r"\s*(?:To|Attn|Attention|Host(?: institution| university)?)\s*:[^\n]*$")
# A résumé or letterhead line's label before what it names: "Intended group:", "Candidate:"
LINE_LABEL = re.compile(r"^[A-Z][a-z]+(?: [a-z]+){0,2}\s*:\s+")
# A résumé's label line: "Supervisor: Assoc. Prof. P", "Thesis co-advisor: Dr. P", "Mentor - P", "Line manager: P"
# (a post's acronym may stand for the title: "manager: ACEO P")
ROLE_LABEL = re.compile(r"[ \t]*(?:[-*•·][ \t]*)?(?:(?:(?:[\w'’-]+|[\w'’-]+ [\w'’-]+|[\w'’-]+ [\w'’-]+ and)[ \t]+)?(?:co-?)?"
                        r"(?:supervisors?|advisors?|advisers?|mentors?|managers?|supervised by|advised by)[ \t]*[:–—-][ \t]*"
                        r"(?:(?-i:[A-Z]{2,6})[ \t]+)?" + TITLE_BEFORE_NAME + "?"
                        # ("…; supervisor Ing. P": the role word opening the part, a title after it, no colon)
                        r"|(?:co-?)?(?:supervisor|advisor|adviser|mentor)[ \t]+" + TITLE_BEFORE_NAME + ")$", re.I)
# A profile's line naming the advisor sought: "Proposed supervisor: Univ.-Prof. Dr. P", "Potential advisors: P, Q"
WISHED_ROLE_LINE = re.compile(r"[ \t]*(?:[-*•·][ \t]*)?(?:proposed|intended|prospective|potential|preferred|desired|possible)"
                              r"[ \t]+(?:(?:main|primary|principal|second|co-?)[ \t]*)?"
                              r"(?:supervisor|advisor|adviser|mentor|host|PI)(?:s|\(s\))?[ \t]*[:–—-]", re.I)


def _as_role(roles: str) -> re.Pattern[str]:
    """"with Dr. P (Y University) as co-advisor": the role given after the name, "as" (past the body P is of:
    "with Dr. P of the Widget Institute as co-supervisor", "I would like Dr. P of the X (IX) to act as co-supervisor")."""
    return re.compile(r"\s*(?:\([^)]{0,80}\)\s*)?,?\s*(?:(?:of|at|from)\s+(?:the\s+)?[A-Z][^,;.()]{0,80}?"
                      r"(?:\s*\([^()]{1,20}\))?\s+)?(?:to\s+(?:act|serve)\s+)?"
                      r"as\s+(?:my\s+|a\s+|the\s+)?(?:[\w-]+\s+)?(?:co-?)?(?:" + roles + r")s?\b", re.I)


# (the Dutch "co-promotor" is a co-supervisor)
AS_MY_ROLE = _as_role("advisor|adviser|supervisor|mentor|promotor|promoter")
# "I would hope for Professor P as second reader": a reader of the thesis to come (one of a past thesis is no mentor)
AS_A_READER = _as_role("reader")
# "Dr. P, who became my main mentor", "Prof. P was my thesis advisor": the role told after the name.
# A description in apposition after a name: "P, an emergency physician who ran the clinic,"
_DESCRIBED = r"\s*(?:,\s*(?:a|an|the)\s+[^,;.()]{1,60})?,?\s*"
_BECAME_ROLE = (_DESCRIBED + r"(?:who\s+)?(?:(?:later|soon|eventually|also)\s+)?(?:became|becomes|"
                r"has become|served as|serves as|has served as|acted as|was|is|has been|remained|remains|has remained)\s+"
                r"(?:also\s+)?(?:POSSESSIVE)\s+(?:[\w-]+\s+){0,2}" + _ROLE_WORD + r"\b")
BECAME_MY_ROLE = re.compile(_BECAME_ROLE.replace("POSSESSIVE", "my"), re.I)
# "Dr. P has agreed to act as my supervisor", "Prof. Q has kindly agreed to host me": a role agreed for what is
# applied for (a past thesis is told with "agreed to supervise my thesis", not "has agreed").
# ("… has agreed in principle to be main supervisor", "… agreed to supervise my project")
_AGREED = r"(?:has|have)\s+(?:\w+\s+)?agreed\s+(?:in\s+principle\s+)?to\s+"
AGREED_TO_ROLE = re.compile(_DESCRIBED + _AGREED + r"(?:(?:act|serve)\s+as\s+|be(?:come)?\s+)"
                            r"(?:(?:my|her|his|their|the)\s+)?(?:[\w-]+\s+){0,2}" + _ROLE_WORD + r"\b"
                            r"|" + _DESCRIBED + _AGREED + r"(?:co-?)?(?:supervise|host|advise|mentor)\s+"
                            r"(?:me|her|him|them|my|his|their)\b", re.I)
# The same told of the applicant in the third person: "Dr. P remained her mentor".
BECAME_THEIR_ROLE = re.compile(_BECAME_ROLE.replace("POSSESSIVE", "her|his|their"), re.I)
# "Q is a demanding and generous mentor", "Q, a physician, became an informal mentor": said of a person the applicant
# knows (a sentence about the future is read before this); "a mentor to many" is Q's role towards others.
IS_A_ROLE = re.compile(_DESCRIBED + r"(?:is|was|has been|became)\s+(?:also\s+)?"
                       r"(?:an?|the\s+most)\s+(?:[\w-]+,?\s+){0,4}(?:mentor|supervisor|advisor|adviser)\b"
                       r"(?!\s+(?:to|of|for|and|who)\b)", re.I)
# "I worked under the principal, the architect P": the name in apposition to whom the applicant worked under.
UNDER_A_ROLE = re.compile(r"\bunder\s+(?:the|my|our|his|her|their)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s*"
                          r"(?:(?:the|an?)\s+(?:[\w-]+\s+){1,3})?" + TITLE_BEFORE_NAME + "?$", re.I)
LEADING = frozenset({"lead", "head", "direct", "run", "coordinate", "manage"})
ONGOING = frozenset({"continue", "resume", "maintain"})
# "under the orientation of" renders the Portuguese and Spanish "orientação", "orientación" (supervision)
# ("under the mentorship of the centre's deputy director, Dr. P": the name in apposition to a post)
UNDER_THE_GUIDANCE = re.compile(r"\bunder the (?:guidance|supervision|mentorship|direction|orientation)\s+of\s+"
                                r"(?:(?:the|my|our|his|her|their)\s+[^,;.()]{1,60},\s+)?" + TITLE_BEFORE_NAME + "?$",
                                re.I)
MY_WORK = re.compile(r"\b(?:my|our)\s+(?:[\w-]+\s+){0,2}(?:thesis|work|project|research|dissertation)\b", re.I)
UNDER_GUIDANCE = re.compile(r"\b[Uu]nder (?:his|her|their) (?:guidance|supervision|mentorship|direction|orientation)\b")
OUTPUT_NOUNS = frozenset({"work", "research", "paper", "publication", "study", "book", "theory", "framework", "idea", "talk"})
# Words that make a sentence about studying, and degree abbreviations written with dots
# ("M.Sc.", "B.E."; undotted "me"/"be" are everyday words).
# Degrees as other languages name them: the Spanish and Portuguese master's and licentiate, the
# Italian laurea, the German Diplom, the Indonesian sarjana, the magister of central Europe.
FOREIGN_DEGREES = frozenset({"maestría", "maestria", "licenciatura", "mestrado", "doutorado", "doctorado", "laurea",
                             "magister", "sarjana", "diplom", "licence"})
# Professional degrees written as acronyms: veterinary, dental, medical, pharmacy, nursing, public
# health and policy ("MD" and "JD" only with stops, as "M.D.": bare, they are a state and a company).
PROFESSIONAL_DEGREES = frozenset({"dvm", "vmd", "bvsc", "bvms", "dds", "dmd", "bds", "mbbs", "mbchb", "pharmd", "bpharm",
                                  "mpharm", "bsn", "msn", "dnp", "mph", "mpp", "mpa", "llb", "llm"})
STUDY_WORDS = frozenset({"bachelor", "bachelors", "master", "masters", "degree", "student", "undergraduate", "msc", "bsc",
                         "b.tech", "btech", "b.s.", "m.s.", "phd", "ph.d.", "major", "semester", "course"}) | FOREIGN_DEGREES \
    | PROFESSIONAL_DEGREES
DOTTED_DEGREES = frozenset({"ms", "bs", "ma", "ba", "msc", "bsc", "meng", "beng", "phd", "mphil", "dphil", "btech", "mtech",
                             "be", "me", "md", "jd", "dvm", "dds", "dmd", "mph"})
EARNED = FINISH | {"obtain", "earn", "receive", "do", "pursue", "hold", "take"}  # ("took a Master of X at Y")
DEGREES = frozenset({"phd", "ph.d.", "ph.d", "dphil", "msc", "m.sc", "m.sc.", "ms", "m.s.", "ma", "m.a.", "bsc", "b.sc",
                      "b.sc.", "ba", "b.a.", "bs", "mphil", "degree", "doctorate", "master", "bachelor", "diploma", "beng",
                      "meng", "mres", "mba"}) | FOREIGN_DEGREES | PROFESSIONAL_DEGREES


def never_there(sent: Span) -> bool:
    """"… but the program was cancelled, so I never actually worked there": the place is denied."""
    for tok in sent:
        if tok.lower_ == "there" and tok.dep_ == "advmod":
            verb = tok.head
            if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
                return True
    return False


def anchor(span: Span) -> Token:
    """The token through which ``span`` hangs in its sentence's parse (usually ``span.root``).

    The English parser reads words of a foreign name as English ones: in "at the Universidade
    Federal do Pará" it makes "do" a verb and the sentence's root, so the name's ``root`` has
    no head outside the name; and it may hang a name's last words ("for Widgetland" of "X Office
    for Widgetland") on the verb, so the ``root`` is that preposition. The name then hangs on the
    sentence through the first of its tokens whose head lies outside it ("Federal", the object of
    "at").
    """
    root = span.root
    outside = next((t for t in span if t.head.i != t.i and not span.start <= t.head.i < span.end), None)
    # "working with Dr. Ada van den Quill": "van" is the object of "with", while the parser hangs
    # "Quill" on the verb; the preposition right before a name is what it hangs on
    if root.dep_ != "pobj" and outside is not None:
        governed = next((t for t in span if t.dep_ == "pobj" and span.start - 3 <= t.head.i < span.start
                         and t.head.pos_ == "ADP"), None)
        if governed is not None:
            return governed
    if root.head.i != root.i and not (root.dep_ == "prep" and outside is not None):
        return root
    # "moved to the X Office for Widgetland": the parser hangs the name's own "for …" on the verb,
    # and the name's head is the object of "to"
    return outside if outside is not None else root


def participle_agent_of(span: Span) -> Token | None:
    """The participle ``span`` is the "by" agent of, when it describes a noun ("the Lab led by P",
    "the material published by the Widget Centre for X", where "for X" hangs on the participle)."""
    for tok in span:
        if tok.dep_ == "appos" and tok.head.i < span.start:
            tok = tok.head  # "funded by the Widget Council (WC)": the acronym stands for the agent
        if tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.i < span.start \
                and tok.head.head.tag_ == "VBN" and tok.head.head.dep_ == "acl":
            return tok.head.head
    return None


# Who a statement about its author names them by: "The candidate taught English at X".
ROLE_SUBJECTS = frozenset({"candidate", "nominee", "applicant"})


def names_the_author_by_role(subject: Token) -> bool:
    """"The candidate taught at X", "the applicant worked …": the author, named by their role."""
    return subject.lower_ in ROLE_SUBJECTS and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children)


def written_in_third_person(doc) -> bool:
    """Is the statement written about the applicant ("she studies …") rather than by them?

    Counted once per Doc: "she" and "he" outnumber "I".
    """
    found = doc.user_data.get("sopgraph_third_person")
    if found is None:
        lowers = [t.lower_ for t in doc]
        found = doc.user_data["sopgraph_third_person"] = lowers.count("she") + lowers.count("he") > lowers.count("i")
    return found


# "the seminar of Professor P": in Japan and central Europe a professor's research seminar is their group.
_HEADED_GROUPS = GROUP_NOUNS | {"seminar"}


def heads_a_group(person: Span) -> bool:
    """"the lab of Dr. P", "Dr. P's group": P is named as the head of a group."""
    root = anchor(person)
    if root.dep_ == "poss":
        return (root.head.lemma_ or "").lower() in _HEADED_GROUPS
    # the parse may hang "of" on any word of the name ("… group of Dr. P van den Q")
    return any(t.dep_ == "pobj" and t.head.lower_ == "of" and not person.start <= t.head.i < person.end
               and (t.head.head.lemma_ or "").lower() in _HEADED_GROUPS for t in person)


def denied_next(sent: Span) -> bool:
    """"… Prof. P's group at Y. Although she did not work directly with that group, …" or "I was
    accepted into the MSc at Y. I did not enrol.": what the sentence says is denied by the next."""
    doc = sent.doc
    following = doc[sent.end].sent if sent.end < len(doc) else None
    return following is not None and bool(_DENIED_GROUP.search(following.text) or _NOT_ENROLLED.match(following.text))


# "I did not enrol.", "I never took up the place.", "I declined the offer": the stay never began.
_NOT_ENROLLED = re.compile(r"\s*(?:but\s+)?(?:i|she|he)\s+(?:(?:did not|didn't|never)\s+(?:enrol|enroll|attend|join|go|take (?:it|the \w+) up|"
                           r"take up)|declined|turned (?:it|the \w+) down)\b", re.I)


def applying_in(sent: Span) -> bool:
    """Does the sentence apply now ("I am applying for …", "I am writing to apply for …"), so that the
    post and the people it names are those applied for?"""
    return any((t.lemma_ or t.lower_).lower() == "apply" and t.tag_ in ("VBG", "VBP", "VBZ", "VB") for t in sent)


def addressee_org(span: Span) -> bool:
    """"your group at X", "your lab at X": the letter's addressee works at X, the place applied to."""
    doc, at = span.doc, span.start - (1 if span.start and span.doc[span.start - 1].lower_ == "the" else 0)
    if at >= 3 and doc[at - 1].lower_ in ("at", "in") and doc[at - 2].pos_ == "NOUN" and doc[at - 3].lower_ == "your":
        return True  # (the parse may hang "at X" on the verb: "to be carried out in your group at X")
    token = anchor(span)
    for _ in range(3):
        if token.dep_ not in ("pobj", "prep", "compound", "appos"):
            return False
        token = token.head
        if token.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" and c.lower_ == "your" for c in token.children):
            return True
    return False


# "Programme applied to: MSc X, Y University", "Position applied for: …": a form-like field line.
_APPLIED_FIELD = re.compile(r"^[\W_]*(?:[A-Za-z]+\s+){0,3}(?:applied|applying|application)(?:\s+(?:to|for))?[\W_]*:", re.I)


def degree_at(span: Span) -> bool:
    """"For my M.Sc. in Ecology at X", "a PhD at X": "at X" follows a degree (and its subject)."""
    sent = span.sent
    before = sent.text[:span.start_char - sent.start_char]  # Doc.text would join the whole document anew
    found = _DEGREE_AT.search(before)
    return bool(found) and is_degree_word(found.group(1))


# a degree word, optionally "in/of <subject>" (no clause break), then "at (the)" right before the
# organisation, or the unit it was taken in and "at/of (the)" ("in the School of X of the University Y")
# (with a bracketed class of degree, "a BA (Hons) in X", and a major after a comma, "a Bachelor of X, major in Y,")
_DEGREE_AT = re.compile(r"\b(?:my|a|an|his|her|their)\s+([\w.']+)(?:\s+(?:degree|studies))?(?:\s*\([^()\n]{1,12}\))?"
                        r"(?:\s+(?:in|of)\s+[^,;:()]{1,60}?)?(?:,\s+(?:a\s+)?(?:major|minor|specialization|specialisation|"
                        r"concentration)\s+in\s+[^,;:()]{1,60},)?"
                        r"(?:\s+(?:at|in)\s+(?:the\s+)?(?:Department|School|Faculty|Institute|Division|Cent(?:er|re))\b"
                        r"[^,;:()]{0,80}?\s+(?:at|of)|\s+at)\s+(?:the\s+)?$", re.I)


def is_degree_word(word: str) -> bool:
    """'PhD', 'M.Sc.', "master's", 'Bachelors': a word naming a degree."""
    word = re.sub(r"['’]s?$", "", word.lower())
    return any(w in DEGREES for w in (word, word.rstrip("."), word[:-1] if len(word) > 4 and word.endswith("s") else "")) \
        or ("." in word and word.replace(".", "") in DOTTED_DEGREES)


_UNIT_NOUNS = frozenset({"team", "division", "unit", "office", "department", "center", "centre", "branch", "campus"})


def modifies_a_thing(span: Span) -> bool:
    """Is the organisation a modifier of another noun ("the X Public Leaderboard", "an X grant",
    "one of the X centres"), other than a unit of it ("the X research team")?"""
    root = anchor(span)
    head = root.head
    doc, end = span.doc, span.end
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        end += 3  # "the Widget Organisation (WO) reference laboratories": past the name's acronym
    elif end < len(doc) and doc[end].text == ")":
        end += 1  # the acronym itself
    if root.dep_ not in ("compound", "nmod") or not end <= head.i <= end + 4 \
            or any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in doc[end:head.i + 1]):
        return False  # the modified noun follows right after the name (a parse may hang a name elsewhere)
    noun = (head.lemma_ or head.lower_).lower()
    # "one of the X research centres": a kind of body X has many of, not a unit named; "the Y Institute (YI),
    # a X laboratory,": what the name before is, one of X's
    described = span.start >= 2 and doc[span.start - 1].lower_ in ("a", "an") and doc[span.start - 2].text == ","
    return (noun not in ORG_NOUNS and noun not in _UNIT_NOUNS) or head.tag_ == "NNS" or described


_PLACE_WORDS = frozenset({"at", "the", "of", "and", "for", "in"})


def where_i_did(span: Span) -> frozenset[str] | None:
    """The lemmas of a "…, where I completed my BSc" clause on ``span``, or None."""
    doc = span.doc
    end = span.end
    # "X (XU), where I …", "X (its name in Maltese), where I …": the parse may hang the clause on the bracket
    end = after_bracket(doc, end, 12)
    # "the X Institute at Y University Jena, where I …", "X in Quilltown, where I …": the clause after
    # the unit's host and its city is about the unit too (the parse hangs it on the last name)
    stop = end
    while stop < len(doc) and stop - end < 12 and (doc[stop].is_title or doc[stop].lower_ in _PLACE_WORDS):
        stop += 1
    if stop < len(doc) and doc[stop].text == "," and stop + 1 < len(doc) and doc[stop + 1].lower_ == "where":
        end = stop
    clauses = [clause for tok in doc[span.start:end] for clause in tok.children if clause.dep_ == "relcl"]
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "where" and doc[end + 1].head.dep_ != "relcl":
        clauses.append(doc[end + 1].head)  # (a clause the parse hung on the sentence's verb, right after the name)
    for clause in clauses:
        if any(c.lower_ == "where" for c in clause.children) \
                and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in clause.children):
            return frozenset((t.lemma_ or t.lower_).lower() for t in clause.subtree) | frozenset(t.lower_ for t in clause.subtree)
    return None


def in_applied_field(span: Span) -> bool:
    """Is ``span`` the value of a field line naming what is applied to ("Programme applied to: …")?"""
    doc = span.doc
    start = span.start
    # back to the line's start token by token: Doc.text would join the whole document anew
    while start > 0 and "\n" not in doc[start - 1].text and "\n" not in doc[start - 1].whitespace_:
        start -= 1
    return bool(_APPLIED_FIELD.match(doc[start:span.start].text_with_ws if start < span.start else ""))


_ADMITTED = frozenset({"admit", "admission"})


def _passive(sent: Span, lemma: str, dep: str, words: tuple[str, ...]) -> bool:
    """Does ``sent`` hold ``lemma`` as a passive participle with a ``dep`` child among ``words``?"""
    return any((t.lemma_ or "").lower() == lemma and t.tag_ == "VBN"
               and any(c.dep_ == dep and c.lower_ in words for c in t.children) for t in sent)


def admitted_before(span: Span, lemmas: frozenset[str] | set[str], apply_cues: frozenset[str]) -> bool:
    """"I was admitted last year to the MSc at X", with no other word of applying (``lemmas`` are
    the clause's): an earlier admission, not the application being made."""
    return _passive(span.sent, "admit", "auxpass", ("was", "were")) and not lemmas & (apply_cues - _ADMITTED)


# "X, a public trust under the Ministry of Y": the body another organisation belongs to.
# ("X (XC), the technical arm of the Ministry of Y": what X is of its parent body)
# (and the parent's other name in brackets after it: "…, under the Ministerio de X (Ministry of X)")
# (", part of Y", ", now part of Y": the body Y that X belongs to)
_PARENT_OF_DESCRIBED = re.compile(r",\s+(?:(?:a|an)\s+(?:[a-z-]+\s+){0,4}(?:under|within|attached\s+to|affiliated\s+with)"
                                  r"|the\s+(?:[a-z-]+\s+){0,2}(?:arm|branch|agency|body|wing|unit|office|division)\s+of"
                                  r"|(?:now\s+|itself\s+)?(?:a\s+)?part\s+of)"
                                  r"\s+(?:the\s+)?(?:[^(),;]{3,120}\(\s*)?$")


def parent_of_described(span: Span) -> bool:
    """"I worked at X, a public trust under the Ministry of Y": Y is named as X's parent body, not as
    a place of the applicant's."""
    sent = span.sent
    return bool(_PARENT_OF_DESCRIBED.search(sent.doc.text, sent.start_char, span.start_char))


# A résumé's subjectless line of an offer: "2023: Offered a post as manager with X."
# Words that name an offer, taken up or not: "Other offers: …", "Internship offer, X - declined".
OFFER_WORDS = r"offers?|offered|declined|rejected"
_OFFERED_LINE = re.compile(r"[\W\d]*(?:(?:[A-Z][a-z]+\s+)?(?:19|20)\d{2}\W+)?(?:was\s+)?offered\s+(?:a|an|the)\b", re.I)


def offered_only(span: Span) -> bool:
    """"I was offered an internship at X" (without "accepted", or declined before what the sentence goes on to
    join): an offer, which the text may go on to decline."""
    sent = span.sent
    if not (_passive(sent, "offer", "nsubjpass", ("i", "we", "she", "he")) or _OFFERED_LINE.match(sent.text)):
        return False
    # "was offered a post at X but declined it to join Y": what is joined after the refusal is Y
    def negated(t: Token) -> bool:
        return any(c.dep_ == "neg" for c in t.children)

    # ("… but did not take it": a refusal too)
    declined = next((t for t in sent if (t.lemma_ or "").lower() in ("decline", "refuse", "reject")
                     or ((t.lemma_ or "").lower() in _TAKEN_UP and negated(t))), None)
    if declined is not None and span.end <= declined.i:
        return True
    return not any((t.lemma_ or "").lower() in _TAKEN_UP and not negated(t) for t in sent)


_TAKEN_UP = frozenset({"accept", "take", "join", "start", "begin"})


def names_a_status(span: Span) -> bool:
    """"Ph.D. Candidate", "MSc student": who the author is, not a programme applied to."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    return following is not None and following.lower_ in ("candidate", "student", "researcher", "holder")


def studies_in_sentence(span: Span) -> bool:
    """Is the sentence of ``span`` about studying (a degree, a course, a student)?"""
    sent = span.sent
    if any(t.lower_.rstrip(".") in STUDY_WORDS or t.lower_ in STUDY_WORDS
           or ("." in t.text and t.lower_.replace(".", "") in DOTTED_DEGREES) for t in sent):
        return True
    # "to finish my B.S. in 2021": the sentence splitter may cut a dotted degree after "B."
    return bool(SPLIT_DEGREE.search(sent.text + " " + span.doc[sent.end:sent.end + 3].text))
