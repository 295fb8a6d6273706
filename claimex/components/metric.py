"""What a number measures: the counted noun ("1,400 officers") and, failing that, the metric it describes."""

from __future__ import annotations

import functools

from spacy.tokens import Doc, Span, Token

from claimex.normalise.lexicons import get
from claimex.normalise.numbers import Quantity

_NO_COUNTED = ("money", "ratio", "duration", "measure")
_SUBJECTS = ("nsubj", "nsubjpass")
_TIME_DETERMINERS = frozenset({"last", "next", "this", "every", "each", "per"})
_VAGUE_NOUNS = frozenset(
    {"number", "total", "figure", "amount", "level", "rate", "share", "proportion", "percentage"}
)


def _span(doc: Doc, q: Quantity) -> Span | None:
    return doc.char_span(q.num_start, q.end, alignment_mode="expand")


def noun_phrase(noun: Token) -> str:
    """The lemma of a noun with its noun compounds ("pay rise")."""
    compounds = [t.lemma_.lower() for t in noun.lefts if t.dep_ == "compound" and t.pos_ == "NOUN"]
    return " ".join([*compounds, noun.lemma_.lower()])


def _counts(token: Token) -> bool:
    """A noun that can be counted: a common noun, or a plural proper noun ("millions of Americans")."""
    return token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.tag_ == "NNPS")


def _counts_before(first: Token, head: Token) -> bool:
    """ "3 cylinder engine", "a 12 page document": a singular common noun between a figure and a singular
    head is what the figure counts (not "six Airbus aircraft", "four receiving antennae")."""
    return (
        first.dep_ == "compound"
        and first.tag_ == "NN"
        and not first.lower_.endswith("ing")
        and head.tag_ == "NN"
        and head.lower_ not in _irregular_plurals()
    )


@functools.cache
def _irregular_plurals() -> frozenset[str]:
    return frozenset(get().units.irregular_plurals)


def counted(doc: Doc, q: Quantity) -> str | None:
    """The lemma of what a quantity counts ("1,400 officers" -> "officer"), or None. Before a singular head,
    a figure above one counts the noun right after it ("a 12 page document" -> "page"); a time reference
    between figure and noun ("2.1 last year") leaves nothing counted."""
    span = _span(doc, q)
    if q.kind in _NO_COUNTED or span is None:
        return None
    root = span.root
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and root.head.pos_ in ("NOUN", "PROPN"):
        head = root.head
        between = doc[span.end : head.i] if head.i >= span.end else doc[0:0]
        if any(t.lower_ in _TIME_DETERMINERS for t in between):
            return None
        first = doc[span.end] if span.end + 1 == head.i else None
        if first is not None and q.kind == "count" and q.value != 1 and _counts_before(first, head):
            return str(first.lemma_.lower())
        return noun_phrase(head)
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "of" and span.end + 1 < len(doc):
        nxt = next((c for c in nxt.children if c.dep_ == "pobj"), doc[span.end + 1])
    if nxt is not None and _counts(nxt):
        return noun_phrase(nxt)
    return None


def _number_of(sentence: Span, before: int) -> str | None:
    """X in "the number of X ... <number>": what a bare figure counts."""
    for token in reversed(sentence[: max(0, before - sentence.start)]):
        if token.lower_ == "of" and token.head.lemma_.lower() in _VAGUE_NOUNS:
            obj = next((c for c in token.children if c.dep_ == "pobj"), None)
            if obj is not None and obj.pos_ == "NOUN":
                return noun_phrase(obj)
    return None


def _usable(name: str | None) -> str | None:
    """None for what is no metric at all: scale letters, numerals, vague words ("m", "300p", "million")."""
    if not name or len(name) <= 2 or any(ch.isdigit() for ch in name):
        return None
    return None if name.split()[-1] in ("million", "billion", "thousand", "hundred", "percent") else name


def metric(doc: Doc, q: Quantity, counted_noun: str | None) -> str | None:
    """What a quantity describes, to tell one claim from another: the counted noun, "the number of X",
    or the subject of the verb the number belongs to ("Shares ... closed up 4.75%" -> "share")."""
    return _usable(counted_noun or _described(doc, q))


def _described(doc: Doc, q: Quantity) -> str | None:
    span = _span(doc, q)
    if span is None:
        return None
    found = _number_of(span.sent, span.start)
    if found:
        return found
    for head in span.root.ancestors:
        if head.pos_ in ("VERB", "AUX"):
            subject = next((c for c in head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return noun_phrase(subject)
            break
        if head.pos_ == "NOUN" and head.lemma_.lower() not in _VAGUE_NOUNS:
            return noun_phrase(head)
    return None
