"""What a number measures, read from the parse: the measured thing, the event, the entity it is said of.

"roughly 700,000 Dreamers" measures "dreamer"; "more than 50 injured" measures people with the predicate
"injure"; "$5.7 billion in wall funding" measures "wall funding"; "Pelosi won 134 votes" is said of
Pelosi. Cross-checks compare these, not the sentence as a whole.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimex import lexicon
from claimex.normalise import lexicons

# Relations that hang a number on the noun it counts; "det" for "an hour-long talk".
_ATTACHED = ("nummod", "quantmod", "amod", "compound", "nmod", "npadvmod", "appos", "det")
CONTEXT_SIZE = 12
_CONTENT = ("NOUN", "PROPN", "VERB", "ADJ")
_ENTITIES = ("PERSON", "ORG", "GPE", "NORP", "EVENT", "FAC", "PRODUCT", "WORK_OF_ART", "LAW", "LOC")
_OBJECT_PREPS = ("of", "in", "for", "on")
# Verbs that carry no event of their own: the measure is the noun around them.
_LIGHT_VERBS = frozenset({"be", "have", "say", "tell", "report", "add", "include", "make", "get", "take"})
# Verbs whose subject is the event a duration measures ("the meeting lasted an hour"); with any other verb
# the verb is the event and its subject a participant ("the players were delayed half an hour").
_LASTING_VERBS = frozenset({"last", "go", "run", "take", "continue", "span", "stretch", "drag", "extend"})


@functools.cache
def _unit_words() -> frozenset[str]:
    """Nouns that are units when they follow a number ("a 400-pound gorilla", "a 181-kg gorilla")."""
    return frozenset(str(w) for w in lexicon.load("crosscheck").get("counted_units", ()))


@functools.cache
def _measure_nouns() -> frozenset[str]:
    """Nouns whose "of" object is what a figure on them measures ("the number of X", "a chance of Y")."""
    return frozenset(str(w) for w in lexicon.load("crosscheck").get("measure_nouns", ()))


@dataclass(frozen=True)
class Measure:
    """What one number is about, as lemmas: empty strings where the parse says nothing."""

    thing: str  # the measured noun with its modifiers ("federal employee", "wall funding")
    predicate: str  # the event or state verb ("injure", "request", "raise"); "" for none
    about: str  # the named entity the number is said of ("Pelosi", "Croydon"); "" for none
    terms: tuple[str, ...]  # content lemmas of the number's clause, the local context for matching


def _noun_phrase(noun: Token, whole: Span | None = None) -> str:
    """The lemma of a noun with its compounds and adjectives ("wall funding", "federal income tax"),
    without the quantity `whole` itself (the "percent" of "an 80 percent chance") or a word hyphened to it
    (the "long" of "an hour-long meeting")."""
    own = range(whole.start, whole.end) if whole is not None else range(0)
    tail = (
        whole.end + 1
        if whole is not None and whole.end < len(noun.doc) and noun.doc[whole.end].text == "-"
        else -1
    )
    mods = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod")
        and t.pos_ in ("NOUN", "PROPN", "ADJ")
        and t.i != tail
        and t.i not in own
    ]
    units = _unit_words()
    words = [t.lemma_.lower() for t in mods if not t.like_num and t.lemma_.lower() not in units]
    words.append(noun.lemma_.lower())
    return " ".join(w for w in words if w.isalpha() or "-" in w)


def _object_of(token: Token) -> Token | None:
    """The noun after "of", "in", "for" hanging on `token` ("$5.7 billion in wall funding"); not a span of
    time ("$139 million in seven years")."""
    for prep in token.rights:
        if prep.dep_ == "prep" and prep.lower_ in _OBJECT_PREPS:
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None)
            timed = obj is not None and (
                obj.lower_ in lexicons.get().units.time_units or obj.ent_type_ in ("DATE", "TIME")
            )
            if obj is not None and not timed:
                return obj
    return None


def _anchor_noun(root: Token, whole: Span) -> Token | None:
    """The noun the number counts or measures, following "the number of X" and "X of Y" to X, and past
    the quantity's own unit ("40 to 60 hours of training", "a 225-page report") and past a comparative
    on it ("50% higher thrust")."""
    while root.dep_ in ("quantmod", "nummod", "compound") and root.head.like_num and root.head.i != root.i:
        root = root.head  # a range's low end hangs on its high end: "a 50 to 70 percent chance"
    noun: Token | None = None
    if root.dep_ in _ATTACHED and root.head.pos_ in ("NOUN", "PROPN") and root.head.i != root.i:
        noun = root.head
    elif root.pos_ in ("NOUN", "PROPN") and not root.like_num and root.ent_type_ not in ("MONEY", "CARDINAL"):
        noun = root  # "a 3.5km route" parsed with the unit as head
    if noun is None:
        noun = _object_of(root)
    if noun is not None and noun.lemma_.lower() in _unit_words() and not whole.start <= noun.i < whole.end:
        whole = noun.doc[min(whole.start, noun.i) : max(whole.end, noun.i + 1)]  # "a 400-pound gorilla"
    if noun is not None and whole.start <= noun.i < whole.end:  # the unit itself
        unit = noun
        above = unit.head.head if unit.head.pos_ == "ADJ" and unit.head.dep_ == "amod" else unit.head
        noun = above if unit.dep_ in _ATTACHED and above.pos_ in ("NOUN", "PROPN") else None
        noun = noun if noun is not None and noun.i != unit.i else _object_of(unit)
    while noun is not None and noun.lemma_.lower() in _measure_nouns():
        inner = _object_of(noun)
        if inner is None:
            break
        noun = inner
    return noun


def _predicate(token: Token) -> Token | None:
    """The nearest verb above the number (or the participle on its noun: "people injured")."""
    for child in token.children:
        if child.dep_ in ("acl", "relcl") and child.pos_ == "VERB":
            return child
    for head in [token, *token.ancestors]:
        if head.pos_ == "VERB" and head.lemma_.lower() not in _LIGHT_VERBS:
            return head
        if head.pos_ == "VERB" and head.lemma_.lower() != "be":
            return head
    return None


def _subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _copula(token: Token) -> Token | None:
    """The "be" the number is the complement of, within its clause ("the jobless rate was 4.1 percent")."""
    for head in [token, *token.ancestors]:
        if head.lemma_.lower() == "be":
            return head
        if head.pos_ == "VERB":
            return None
    return None


def _about(sentence: Span, verb: Token | None, number: Span) -> str:
    """The entity the number is said of: the verb's named subject, else the nearest named entity."""
    if verb is not None:
        subject = _subject(verb)
        if subject is not None and subject.ent_type_ in _ENTITIES:
            ent = next((e for e in sentence.ents if e.start <= subject.i < e.end), None)
            if ent is not None:
                return ent.text
    outside = [
        e for e in sentence.ents if e.label_ in _ENTITIES and (e.end <= number.start or e.start >= number.end)
    ]
    if not outside:
        return ""
    nearest = min(outside, key=lambda e: min(abs(e.start - number.start), abs(e.end - number.end)))
    return nearest.text


def _terms(number: Span, sentence: Span) -> tuple[str, ...]:
    """Content lemmas of the sentence, nearest to the number in the parse first (at most CONTEXT_SIZE):
    in a long sentence the words around the number tell its fact from its neighbours'."""
    root = number.root
    distance = {root.i: 0}
    frontier = [root]
    while frontier:  # breadth-first over the dependency tree, within the sentence
        nxt = []
        for token in frontier:
            for other in (token.head, *token.children):
                if other.i not in distance and sentence.start <= other.i < sentence.end:
                    distance[other.i] = distance[token.i] + 1
                    nxt.append(other)
        frontier = nxt
    words = []
    for i in sorted(distance, key=lambda i: (distance[i], i)):
        token = sentence.doc[i]
        if number.start <= i < number.end or token.is_stop or token.like_num:
            continue
        if token.pos_ in _CONTENT and any(ch.isalpha() for ch in token.text):
            words.append(token.lemma_.lower())
    return tuple(dict.fromkeys(words))[:CONTEXT_SIZE]


def measure(number: Span, whole: Span, duration: bool = False) -> Measure:
    """What a number measures, from the parse around it: `number` is its figure's tokens, `whole` the
    quantity with its unit. The noun it counts wins over the subject of its verb, and the verb wins over its
    subject for a `duration` ("the players were delayed half an hour" measures "delay"), unless the verb is
    one of lasting ("the meeting lasted an hour" measures "meeting")."""
    root = number.root
    noun = _anchor_noun(root, whole)
    verb = _predicate(noun if noun is not None else root)
    predicate = verb.lemma_.lower() if verb is not None else ""
    if noun is None and duration and predicate and predicate not in _LIGHT_VERBS | _LASTING_VERBS:
        thing = predicate
    else:
        said_of = verb if verb is not None else _copula(root)
        if noun is None and said_of is not None:
            subject = _subject(said_of)  # "the death toll rose to 59", "the budget is $4bn": toll, budget
            if subject is not None and not (whole.start <= subject.i < whole.end) and subject.pos_ == "NOUN":
                noun = subject
        thing = _noun_phrase(noun, whole) if noun is not None else ""
    return Measure(thing, predicate, _about(number.sent, verb, whole), _terms(whole, number.sent))
