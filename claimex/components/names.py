"""Numbers inside names, found by the parser's entity spans: "Apple Watch 5", "Lang 20 on loan"."""

from __future__ import annotations

from spacy.tokens import Span

# Entity labels that name a thing; a figure inside one, after its first word, is part of the name.
_NAME_LABELS = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PERSON"})


def inside_name(number: Span) -> bool:
    """True for a plain figure that a named entity holds after a word of its own ("the new Apple Watch 5").
    A figure that opens the entity ("5 Apple engineers") or one with a unit or currency is no name part."""
    doc = number.doc
    ent = next((e for e in doc.ents if e.start <= number.start < e.end), None)
    if ent is None or ent.label_ not in _NAME_LABELS or ent.start >= number.start:
        return False
    return all(t.like_num for t in number) and any(
        t.is_alpha and t.is_title for t in doc[ent.start : number.start]
    )
