"""Who said it: speakers of quotations and claims, sources, pronouns and titles resolved to names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimex import lexicon
from claimex.records import Speaker

SUBJECTS = ("nsubj", "nsubjpass")
MAX_NAME_WORDS = 4  # "Martin Luther King Jr."; a longer entity is a misread headline, not a fuller name
_RELATIVE = ("that", "which", "who")
_ACCORDING = re.compile(r"\baccording to\s+", re.IGNORECASE)
_NAME_LABEL = re.compile(r"((?:[A-Z][\w.'’-]+ ){0,3}[A-Z][\w.'’-]+):\s")
TRANSCRIPT_LABEL = re.compile(r"[\"“]?([A-Z][A-Z.'’ -]{2,30}[A-Z]):\s")
_POSSESSIVE = re.compile(r"(?:’s|'s|’|')$")


@dataclass
class Attribution:
    """Who a claim or quotation is attributed to."""

    speaker: str | None = None
    source: str | None = None
    cue: str | None = None
    rule: str | None = None  # the finder that named it ("cue_subject", "according_to", ...)
    at: int = -1  # the token of the name in the doc, when the finder knows it
    confidence: float | None = None  # the ranker's probability of this answer among the candidates

    @property
    def named(self) -> str:
        """Speaker and source as one string (empty for the article's own voice)."""
        return " ".join(x for x in (self.speaker, self.source) if x)


@dataclass
class Resolver:
    """Names seen so far in one article, to resolve pronouns and titles to the fullest name."""

    doc: Doc
    speakers: dict[str, Speaker] = field(default_factory=dict)
    last_person: str | None = None
    last_org: str | None = None
    _ents: tuple[Span, ...] | None = None
    _names: dict[int, tuple[str, str]] = field(default_factory=dict)
    _surnames: list[tuple[int, str, str]] | None = None
    text: str = ""  # the doc's text, built once (spaCy joins the tokens on every `doc.text`)

    def __post_init__(self) -> None:
        self.text = self.doc.text

    @property
    def ents(self) -> tuple[Span, ...]:
        """The doc's entities, built once (spaCy makes new spans on every `doc.ents`)."""
        if self._ents is None:
            self._ents = tuple(self.doc.ents)
        return self._ents

    @property
    def pronouns(self) -> set[str]:
        return _data()["pronouns"]

    @property
    def titles(self) -> set[str]:
        return _data()["titles"]

    def full_name(self, token: Token) -> tuple[str, str]:
        """The fullest name in the article for a name token, and its kind (person or org)."""
        if token.i not in self._names:
            self._names[token.i] = self._full_name(token)
        return self._names[token.i]

    def _full_name(self, token: Token) -> tuple[str, str]:
        ent = next((e for e in self.ents if e.start <= token.i < e.end), None)
        opened = self.text.rfind("(", max(0, token.idx - 12), token.idx)
        if opened >= 0 and ")" not in self.text[opened : token.idx]:
            # "Rep. G.K. Butterfield (D-N.C.)": the parse picked a word in the brackets; take the name before.
            ent = next((e for e in reversed(self.ents) if e.label_ == "PERSON" and e.end_char <= opened), ent)
        if ent is None or ent.label_ not in ("PERSON", "ORG"):
            # Not a name itself ("the Democrat, Gwen Moore"): a person named within the phrase.
            subtree = range(token.left_edge.i, token.right_edge.i + 1)
            ent = next((e for e in self.ents if e.label_ == "PERSON" and e.start in subtree), ent)
        surface = ent.text if ent is not None else _compound(token)
        kind = (
            "org"
            if (ent is not None and ent.label_ in ("ORG", "NORP", "GPE")) or _is_org(surface)
            else "person"
        )
        # the fullest form of the name introduced so far ("Jesse Jackson Jr." for a later "Jackson", not a
        # "Michael Jackson fedora" further down, nor a title-case headline "Gold Star Mom Corners Obama")
        wanted = _surname(surface)
        longer = [
            text
            for start, text, surname in self._named()
            if start < token.i
            and surname == wanted
            and len(text) > len(surface)
            and len(text.split()) <= MAX_NAME_WORDS
        ]
        if longer and kind == "person":
            surface = max(longer, key=len)
        return _POSSESSIVE.sub("", re.sub(r"^(?:the|The)\s+", "", surface)).strip(), kind

    def _named(self) -> list[tuple[int, str, str]]:
        """(start, text, surname) of each PERSON and ORG entity, built once."""
        if self._surnames is None:
            self._surnames = [
                (e.start, e.text, _surname(e.text)) for e in self.ents if e.label_ in ("PERSON", "ORG")
            ]
        return self._surnames

    def labelled(self, label: str) -> str:
        """The person a transcript label stands for ("PENCE" -> "Mike Pence"), else the label."""
        for ent in self.ents:
            if ent.label_ == "PERSON" and ent.text.split()[-1].upper() == label.split()[-1]:
                name, _ = self.full_name(ent[-1])
                return self.remember(name, "person")
        return label

    def remember(self, name: str, kind: str, description: str | None = None) -> str:
        speaker = self.speakers.setdefault(name, Speaker(name=name, kind=kind))
        if description and description not in speaker.descriptions:
            speaker.descriptions.append(description)
            org = re.search(
                r"\b(?:at|of|for)\s+(?:the\s+)?([A-Z][\w’'&-]*(?:\s+[A-Z][\w’'&-]*)*)", description
            )
            if org and kind == "person" and speaker.organisation is None:
                speaker.organisation = org.group(1)
        if kind == "person":
            self.last_person = name
        else:
            self.last_org = name
        return name

    def resolve(self, subject: Token, quoting: bool = False) -> Attribution:
        """The speaker or source a cue's subject stands for; names and known role and source words first,
        and, for the cue of a quotation (`quoting`), any other noun phrase as written."""
        data = _data()
        low = subject.lower_
        if low in data["pronouns"]:
            person = low in ("he", "she", "him", "her", "i")
            earlier = self._antecedent_in_sentence(subject, person)
            if earlier is not None:  # "Snecma has said it plans ...": "it" is Snecma
                return Attribution(speaker=earlier)
            if person:
                return Attribution(speaker=self.last_person)
            return Attribution(speaker=self.last_org or self.last_person)
        for child in subject.children if subject.pos_ != "PROPN" else ():  # "the commissioner, Mark Rowley"
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                name, kind = self.full_name(child)
                title = subject.doc[subject.left_edge.i : subject.i + 1].text
                return Attribution(speaker=self.remember(name, kind, title))
        untitled = subject.ent_type_ == "" and low in data["titles"]  # "the president", tagged PROPN
        if (subject.pos_ == "PROPN" and not untitled) or subject.ent_type_ in (
            "PERSON",
            "ORG",
            "NORP",
            "GPE",
        ):
            name, kind = self.full_name(subject)
            description = next((_phrase(c) for c in subject.children if c.dep_ == "appos"), None)
            return Attribution(speaker=self.remember(name, kind, description))
        if low in data["source_nouns"]:
            found = Attribution(source=_source_phrase(subject))
            issuer = next((c for c in subject.head.children if c.dep_ in SUBJECTS), None)
            if subject.dep_ == "dobj" and issuer is not None and issuer.pos_ == "PROPN":
                found.speaker = self.resolve(issuer).speaker  # "the Security Council issued a statement"
            return found
        named_by = [c for c in subject.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"]
        placed = all(c.ent_type_ in ("GPE", "NORP") for c in named_by) and low in data["org_words"]
        titled = self._by_title(subject) if named_by and low in data["titles"] else None
        if titled is not None:  # "the House speaker" after "House Speaker Paul Ryan"
            return Attribution(speaker=self.remember(titled, "person"))
        if named_by and not placed:  # "the US company" is placed, not named: it is the last organisation
            described = _source_phrase(subject)  # "the Obama administration", "a Labour Party spokesman"
            if subject.tag_ == "NN" and low in data["titles"]:
                self.last_person = described  # "... he said" next is this spokesman
            return Attribution(speaker=described)
        if low in data["anaphoric_orgs"]:  # "the firm said", "the force said": the organisation in focus
            return Attribution(speaker=self.last_org or _source_phrase(subject))
        if low in data["org_words"]:  # "the council said": a named council; "local police said": as written
            named = next(
                (e.text for e in reversed(self.ents) if e.end <= subject.i and _ends_in(e, low)), None
            )
            return Attribution(speaker=named or _source_phrase(subject))
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
        if low in data["titles"] and not indefinite:
            titled = self._by_title(subject)
            if titled is not None:
                return Attribution(speaker=self.remember(titled, "person"))
            return Attribution(speaker=self.last_person or _source_phrase(subject))
        if subject.lemma_.lower() in data["titles"] or subject.lemma_.lower() in data["speaker_nouns"]:
            # "a Homeland Security Department official", "several cast members": a description, not a name
            described = _source_phrase(subject)
            if subject.tag_ == "NN" and subject.lemma_.lower() in data["titles"]:
                self.last_person = described  # "A Labour Party spokesman told ... he said"
            return Attribution(speaker=described)
        if subject.text[:1].isupper() and subject.pos_ == "NOUN":
            # a name the tagger took for a noun at the start of a sentence ("Sanders made the comment:")
            name, kind = self.full_name(subject)
            return Attribution(speaker=self.remember(name, kind))
        # “…,” the announcer said; the ruling said; not "rules that allow companies to tell ''…''"
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in subject.head.children)
        if quoting and subject.pos_ == "NOUN" and not infinitive:
            return Attribution(source=_source_phrase(subject))
        return Attribution()

    def _antecedent_in_sentence(self, pronoun: Token, person: bool) -> str | None:
        """A named subject earlier in the pronoun's sentence, of the pronoun's kind, whose verb governs the
        pronoun ("Snecma has said it plans"; not "Asked if Blunkett could return, he replied")."""
        labels = ("PERSON",) if person else ("ORG", "NORP", "GPE")
        above = set(pronoun.ancestors)
        for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
            if token.dep_ in SUBJECTS and token.ent_type_ in labels and token.head in above:
                name, kind = self.full_name(token)
                return self.remember(name, kind)
        return None

    def _by_title(self, subject: Token) -> str | None:
        """The person a title stands for: one described by it, else one named with it ("President Obama")."""
        title = _phrase(subject).lower()
        for speaker in self.speakers.values():
            if any(subject.lower_ in d.lower() or title in d.lower() for d in speaker.descriptions):
                return speaker.name
        for ent in self.ents:
            if ent.label_ != "PERSON" or ent.end > subject.i or len(ent) < 2 and ent.start == 0:
                continue
            titled = (
                ent[0].lower_ == subject.lower_ or self.doc[max(ent.start - 1, 0)].lower_ == subject.lower_
            )
            if titled:
                return self.full_name(ent[-1])[0]
        # "Cardinal Cormac Murphy-O'Connor", whatever the tagger called the name
        for token in self.doc[: subject.i]:
            named = token.head if token.dep_ == "compound" and token.head.pos_ == "PROPN" else None
            if token.lower_ == subject.lower_ and token.text[:1].isupper() and named is not None:
                return self.doc[token.i + 1 : named.i + 1].text
        return None


@functools.cache
def _data() -> dict[str, set[str]]:
    raw = lexicon.load("attribution")
    word_lists = [key for key in lexicon.REQUIRED_KEYS["attribution"] if isinstance(raw[key], list)]
    return {key: {str(w).lower() for w in raw[key]} for key in word_lists}


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.rstrip(".").lower() not in ("jr", "sr", "ii", "iii")]
    return _POSSESSIVE.sub("", words[-1]) if words else name


def _ends_in(ent: Span, word: str) -> bool:
    return ent.label_ == "ORG" and ent[-1].lower_ == word


def _is_org(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and words[-1] in _data()["org_words"]


def _compound(token: Token) -> str:
    parts = [t for t in token.lefts if t.dep_ in ("compound", "flat")] + [token]
    return " ".join(t.text for t in parts)


def _phrase(token: Token) -> str:
    tokens = list(token.subtree)
    return token.doc[tokens[0].i : tokens[-1].i + 1].text.strip(" ,")


def _source_phrase(token: Token, limit: int | None = None) -> str:
    """The noun phrase of a source, up to its verb ("a joint investigation by the Guardian and ...")."""
    if limit is None:
        limit = token.head.i if token.head.i > token.i else token.right_edge.i + 1
        # A phrase stops at its own cue: "analysts saying the deficit could grow", "a statement calling the
        # test a violation"; a source stays whole through a participle ("a study being released by ...").
        source = token.lower_ in _data()["source_nouns"]
        cues = [
            c.left_edge.i  # "the government which claims": the phrase ends before "which"
            for c in token.rights
            if c.dep_ in ("acl", "relcl") and is_cue(c) and not (source and c.tag_ == "VBN")
        ]
        limit = min([*cues, limit])
    end = min(token.right_edge.i + 1, limit)
    span = token.doc[token.left_edge.i : max(end, token.i + 1)]
    return span.text.strip(" ,;:–—-")


@functools.cache
def _object_cues() -> dict[str, set[str]]:
    raw = lexicon.load("attribution")["object_cues"]
    return {str(verb): {str(o).lower() for o in objects} for verb, objects in raw.items()}


def is_cue(token: Token) -> bool:
    """A verb that attributes speech or findings ("said", "revealed"; not the noun "states"), or one that
    does with its object ("as Rosenthal put it", "the center puts the figure at") or its subject ("the
    article read")."""
    if token.pos_ != "VERB":
        return False
    lemma = token.lemma_.lower()
    if lemma in _data()["cues"] or _unsuffixed(token.lower_) & _data()["cues"]:
        return True
    if lemma in _data()["bare_cues"]:  # "he continued", not "the company would continue to make"
        return not any(c.dep_ in ("xcomp", "dobj", "ccomp", "prep") for c in token.children)
    if lemma in _data()["source_cues"]:  # "the headline read", not "she read the report"
        return any(c.dep_ in SUBJECTS and c.lemma_.lower() in _data()["source_nouns"] for c in token.children)
    objects = _object_cues().get(lemma, set())
    return any(c.dep_ == "dobj" and c.lemma_.lower() in objects for c in token.children)


def _unsuffixed(word: str) -> set[str]:
    """Stems of an -ed or -s form, for the lemmas the tagger gets wrong ("rated" -> "rat")."""
    return {word[: -len(end)] for end in ("d", "ed", "s") if word.endswith(end)}


def names_a_speaker(token: Token) -> bool:
    """ "one" that picks out a speaker ("said one analyst", "one insider told the BBC"): no count."""
    noun = token.head
    return token.lower_ == "one" and noun.dep_ == "nsubj" and is_cue(noun.head)


def cues_above(token: Token) -> Iterator[Token]:
    """The cue verbs above `token` whose complement holds it, nearest first: not its subject, not the object
    of "to" ("add to the losses"), and not an infinitive ("little point for Mexico to respond"), which
    reports nothing yet."""
    child = token
    for head in token.ancestors:
        acted_on = child.dep_ == "prep" and child.lower_ == "to" and head.lemma_ != "point"
        # an infinitive with its own subject or on a noun reports nothing ("little point for Mexico to
        # respond"); "Politico was first to report" does
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in head.children) and (
            head.dep_ in ("acl", "relcl") or any(c.dep_ in SUBJECTS for c in head.children)
        )
        if is_cue(head) and child.dep_ not in SUBJECTS and not acted_on and not infinitive:
            yield head
        child = head
    # "The economy had grown for 50 quarters, he said, and ...": a parenthetical cue on the clause
    above = list(token.ancestors)
    for head in above:
        yield from (c for c in head.children if c.dep_ == "parataxis" and is_cue(c) and c not in above)


def subject_of(verb: Token, outside: tuple[int, int] = (0, 0)) -> Token | None:
    """The subject of a cue verb, or the noun an -ing/-ed cue modifies ("documents showing"); a subject
    inside the `outside` character span (the quotation itself) is passed over."""
    # a passive subject is what is reported, not who reports it ("the trial is expected to last"); the
    # parser sometimes makes a dash a subject; of two subjects ("Another peer, Lord Skidelsky, said") the
    # named one
    quoter = verb.head.head if verb.head.pos_ == "ADP" else verb.head  # "quoted an official as saying"
    if quoter.lemma_ == "quote" and quoter.i != verb.i:
        quoted = next((c for c in quoter.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted
    deps = ("nsubj", "nsubjpass") if verb.lemma_ == "quote" else ("nsubj",)  # "X was quoted as saying"
    subjects = [
        c
        for c in verb.children
        if c.dep_ in deps and any(ch.isalpha() for ch in c.text) and not outside[0] <= c.idx < outside[1]
    ]
    if subjects:
        return next((c for c in subjects if c.ent_type_ == "PERSON"), subjects[0])
    if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    named = verb.doc[verb.i - 1] if verb.i > 0 else None
    if verb.tag_ == "VBG" and named is not None and named.ent_type_ == "PERSON":
        return named  # "footage of Hillary Clinton asking, “…”"
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    if (
        verb.dep_ in ("advcl", "xcomp", "conj")
        and not any(c.dep_ == "auxpass" for c in verb.children)  # "after the offer was announced"
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        return subject_of(verb.head)  # "Trump attacked Clinton, saying, ...": the subject of the main verb
    return None


def according_to(sentence: Span, resolver: Resolver) -> Attribution:
    """The source or speaker named by "according to X" in a sentence."""
    match = _ACCORDING.search(sentence.text)
    if not match:
        return Attribution()
    start = sentence.start_char + match.end()
    token = next((t for t in sentence if t.idx >= start), None)
    if token is None:
        return Attribution()
    head = next((c for c in token.doc[token.i - 1].children if c.dep_ == "pobj"), None)  # the object of "to"
    if head is None or head.i < token.i:
        head = token
        while (
            head.head.i != head.i
            and head.head.i > token.i - 1
            and head.head.pos_ in ("NOUN", "PROPN")
            and head.head.i < token.i + 6
        ):
            head = head.head
    if head.ent_type_ in ("PERSON", "ORG") and head.lower_ not in _data()["source_nouns"]:
        name, kind = resolver.full_name(head)
        return Attribution(speaker=resolver.remember(name, kind), cue="according to", at=head.i)
    end = head.i + 1
    of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if whole is not None and head.pos_ in ("NUM", "PRON"):  # "two of the officials", "some of them"
        end = whole.i + 1
    return Attribution(source=sentence.doc[token.i : end].text, cue="according to", at=head.i)


def evidence_before(token: Token) -> Attribution:
    """A source noun just before a cue earlier in the sentence ("court documents released ... showing")."""
    data = _data()
    for cue in token.sent:
        if cue.i >= token.i:
            break
        if not is_cue(cue):
            continue
        window = token.doc[max(cue.sent.start, cue.i - 5) : cue.i]
        noun = next(
            (t for t in reversed(window) if t.lower_ in data["source_nouns"] and t.pos_ == "NOUN"), None
        )
        if noun is not None:
            return Attribution(source=_source_phrase(noun, cue.i), cue=cue.lemma_, at=noun.i)
    return Attribution()


def evidence_in(sentence: Span) -> Attribution:
    """A named source the sentence rests on: "In the latest Post poll, ...", "the IMF's estimate"."""
    nouns = _data()["source_nouns"]
    for token in sentence:
        if token.lower_ not in nouns or token.pos_ != "NOUN":
            continue
        opening = token.head.lower_ in ("in", "from") and token.head.i <= sentence.start + 1
        owned = any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children)
        if opening or owned:
            return Attribution(source=_source_phrase(token, token.i + 1), cue=token.head.lower_, at=token.i)
    return Attribution()


def evidence_over(token: Token) -> Attribution:
    """A source noun whose clause holds the claim: "a New York Times report that ... $915 million"."""
    nouns = _data()["source_nouns"]
    child = token
    for head in token.ancestors:
        if head.lower_ in nouns and head.pos_ == "NOUN" and child.dep_ in ("acl", "ccomp", "relcl"):
            return Attribution(source=_source_phrase(head, head.i + 1), cue=head.lower_, at=head.i)
        child = head
    return Attribution()


def claimed_over(token: Token, resolver: Resolver) -> Attribution:
    """A claim noun whose clause holds the number, and who holds it: "his claim that ...", "Kerry attacked
    the record, hammering home the fact that 800,000 jobs were lost"."""
    child = token
    for head in token.ancestors:
        if head.lemma_.lower() in _data()["claim_nouns"] and child.dep_ in ("acl", "ccomp"):
            owner = next((c for c in head.children if c.dep_ == "poss"), None)
            verb = (
                head.head.head if head.dep_ == "pobj" else head.head
            )  # "focused on the fact", "stressed the fact"
            holder = owner or (subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None)
            if holder is not None:
                found = resolver.resolve(holder)
                found.cue, found.at = head.lemma_, holder.i
                return found
            return Attribution()
        child = head
    return Attribution()


def transcript_speaker(token: Token, resolver: Resolver) -> Attribution:
    """The speaker label that opens a transcript paragraph ("WALLACE: Do you really see those two ...")."""
    text = resolver.text
    start = text.rfind("\n", 0, token.idx) + 1
    label = TRANSCRIPT_LABEL.match(text, start)
    if label:
        return Attribution(speaker=resolver.labelled(label.group(1)), cue=":")
    # a headline or line led by a name and a colon: "Boehner: '1-in-3 chance' Republicans could lose"
    named = _NAME_LABEL.match(text, start)
    span = token.doc.char_span(named.start(1), named.end(1)) if named else None
    if span is not None and any(t.ent_type_ in ("PERSON", "ORG") for t in span):
        name, kind = resolver.full_name(span.root)
        return Attribution(speaker=resolver.remember(name, kind), cue=":", at=span.root.i)
    return Attribution()


RULES = ("according_to", "evidence_before", "evidence_in", "evidence_over", "claimed_over", "transcript")


def claim_rules(token: Token, resolver: Resolver) -> list[Attribution]:
    """Each rule's answer for a claim whose number is `token`, in the order the cascade tries them: the
    subject of the nearest cue above that names someone, then "according to", evidence nouns, claim nouns,
    a transcript label. The resolver remembers names as the cascade always has."""
    found: list[Attribution] = []
    for cue in cues_above(token):  # "the Times published returns that showed a loss of $916 million"
        subject = subject_of(cue)
        if (
            subject is not None
            and subject.lower_ in _RELATIVE
            and subject.head.head.pos_ in ("NOUN", "PROPN")
        ):
            subject = subject.head.head  # "returns that showed": the returns
            if subject.dep_ == "appos" and subject.head.pos_ == "PROPN":
                subject = subject.head  # "Anglo-American, the mining company, which estimates"
        said = resolver.resolve(subject) if subject is not None else Attribution()
        if said.speaker or said.source:
            said.cue, said.rule, said.at = cue.lemma_, "cue_above", subject.i if subject is not None else -1
            found.append(said)
            break
    extras = (
        according_to(token.sent, resolver),
        evidence_before(token),
        evidence_in(token.sent),
        evidence_over(token),
        claimed_over(token, resolver),
        transcript_speaker(token, resolver),
    )
    for rule, extra in zip(RULES, extras, strict=True):
        if extra.speaker or extra.source:
            extra.rule = rule
            found.append(extra)
    return found


def cascade(rules: list[Attribution]) -> Attribution:
    """The hand-written answer: the cue's subject wins; later rules fill the speaker if it is missing,
    else the source ("Bloomberg reports ..., according to the Roper Center": both are kept)."""
    found = Attribution(rule="cascade")
    for n, rule in enumerate(rules):
        if n == 0 and rule.rule == "cue_above":
            found = Attribution(rule.speaker, rule.source, rule.cue, "cascade", rule.at)
            continue
        named = rule.speaker or rule.source
        if found.speaker is None and rule.speaker:
            found.speaker = rule.speaker
            found.cue, found.at = found.cue or rule.cue, rule.at if found.at < 0 else found.at
        elif found.source is None and named:
            found.source = named
            found.cue, found.at = found.cue or rule.cue, rule.at if found.at < 0 else found.at
    return found


def attribute_claim(token: Token, resolver: Resolver) -> Attribution:
    """The speaker and source of a claim whose number is `token`, by the cascade of rules."""
    return cascade(claim_rules(token, resolver))
