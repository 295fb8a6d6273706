"""Who spoke a quotation: a cue around it, a colon before it, a name after it, or the speaker before."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from claimex.components.attribution import (
    SUBJECTS,
    TRANSCRIPT_LABEL,
    Attribution,
    Resolver,
    according_to,
    is_cue,
    subject_of,
)
from claimex.components.quotes import QuoteSpan

_NAME_DASH = re.compile(r"((?:[A-Z][\w’'.-]+\s){0,3}[A-Z][\w’'.-]+)\s*(?:--|[―—–])\s*(?:''|[\"“])$")
_DASH_NAME = re.compile(r"[.,!?]?(?:''|[”\"])?\s*[―—–]\s*((?:[A-Z][\w’'.-]+\s?){1,4})")


def _colon_subject(sentence: Span) -> Token | None:
    """The subject of a sentence that ends in a colon ("Sanders made the following comment:")."""
    if not sentence.text.rstrip().endswith(":"):
        return None
    return next((c for c in sentence.root.children if c.dep_ in SUBJECTS), None)


def quote_speaker(doc: Doc, quote: QuoteSpan, resolver: Resolver, look_ahead: bool = True) -> Attribution:
    """The speaker of a quotation: a cue before it in its sentence, or after it ("…,” said Ramsay), or
    (with `look_ahead`) at the start of the next sentence of its paragraph."""
    text = resolver.text
    first = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    last = doc.char_span(max(quote.start, quote.end - 1), quote.end, alignment_mode="expand")
    first, last = (first if first else None), (last if last else None)  # an empty span is no span
    label = TRANSCRIPT_LABEL.match(text, quote.start)
    if label:  # "“WALLACE: Do you really see those two as equivalent?"
        return Attribution(speaker=resolver.labelled(label.group(1)), cue=":", rule="transcript")
    candidates: list[Token] = []
    subjects: list[tuple[Token, str]] = []  # (subject, cue) in the order to try
    according = Attribution()
    if first is not None:  # the cue nearest before the quotation first
        candidates += reversed([t for t in first.sent if t.idx < quote.start and is_cue(t)])
        colon = next(
            (
                t
                for t in reversed(doc[first.sent.start : first.start])
                if t.idx < quote.start - 1 and not t.is_quote and not t.is_space
            ),
            None,
        )
        named = doc[colon.i - 1] if colon is not None and colon.i > 0 else None
        if colon is not None and colon.text == ":" and named is not None and named.ent_type_ == "PERSON":
            subjects.append((named, ":"))  # "A lesson from Loretta Lynch: 'Be the voice that people hear.'"
        if colon is not None and colon.text == ":":  # "Limbaugh continued: “…”"
            head = colon.head if colon.head.pos_ in ("VERB", "AUX") else colon.sent.root
            subject = next((c for c in head.children if c.dep_ in SUBJECTS), None)
            if subject is not None:
                subjects.append((subject, ":"))
        before = doc[first.sent.start - 1] if first.sent.start > 0 else None
        introduced = _colon_subject(before.sent) if before is not None else None
        if introduced is not None:  # "Sanders made the following comment:\n\n“…”"
            subjects.append((introduced, ":"))
        according = according_to(first.sent, resolver)  # used when no cue names the speaker
    dashed = _DASH_NAME.match(text, quote.end)  # "…” ― Pamela Padilla"
    dashed = dashed or _NAME_DASH.search(text, max(0, quote.start - 60), quote.start)  # "Romney -- “…”"
    if dashed:
        name = doc.char_span(dashed.start(1), dashed.end(1), alignment_mode="expand")
        if name is not None and name.root.pos_ == "PROPN":
            full, kind = resolver.full_name(name.root)
            return Attribution(speaker=resolver.remember(full, kind), cue="―", rule="dash", at=name.root.i)
    if last is not None:
        after = [t for t in last[0].sent if t.idx >= quote.end]
        if text[quote.start : quote.end].endswith("."):
            # “… Lebanese.” Critics had accused …: after a full stop only "he said" can follow the quote.
            after = after[:3]
        candidates += [t for t in after if is_cue(t)]
        nxt = last[0].sent.end
        same_paragraph = nxt < len(doc) and "\n" not in text[quote.end : doc[nxt].idx]
        ends_sentence = all(t.is_punct or t.is_space for t in after)  # “…” | He said.
        if look_ahead and not candidates and same_paragraph and ends_sentence and doc[nxt].sent.start == nxt:
            candidates += [t for t in doc[nxt].sent[:6] if is_cue(t)]
    span = (quote.start, quote.end)
    subjects = [
        (_named_after(doc, quote, cue) or subject, cue.text.lower())
        for cue in candidates
        if (subject := subject_of(cue, span))
    ] + subjects
    for subject, cue_word in subjects:
        if quote.start <= subject.idx < quote.end:
            continue
        found = _spoken(resolver.resolve(subject, quoting=True))
        if found.speaker:
            found.cue, found.at = cue_word, subject.i
            quoted = (
                subject.dep_ == "dobj" and subject.head.lemma_ == "quote"
            )  # "quoted an official as saying"
            found.rule = "colon" if cue_word == ":" else "quoted_as" if quoted else "quote_cue"
            return found
    # “…,” the speaker said, according to a reporter: the reporter only relays it; "according to the
    # slides, there has been “…”": the slides speak
    return _spoken(according)


def _spoken(found: Attribution) -> Attribution:
    """A source that speaks a quotation is its speaker (“…,” the Washington Post report said)."""
    rule = found.rule or ("according_to" if found.cue == "according to" else None)
    return Attribution(speaker=found.speaker or found.source, cue=found.cue, rule=rule, at=found.at)


def _named_after(doc: Doc, quote: QuoteSpan, cue: Token) -> Token | None:
    """A person named right after a quotation and before its cue (“…,” Flynn, a top surrogate, said): the
    speaker, whatever the parse made of the name."""
    if cue.idx < quote.end:
        return None
    following = [t for t in doc[cue.sent.start : cue.i] if t.idx >= quote.end and not t.is_punct]
    first = following[0] if following else None
    owner = first is not None and (first.dep_ == "poss" or first.nbor(1).tag_ == "POS")  # "Obama's aide said"
    return first if first is not None and first.ent_type_ == "PERSON" and not owner else None


def speaker_before(doc: Doc, quote: QuoteSpan, resolver: Resolver) -> Attribution:
    """For a quotation with no speaker of its own: who spoke in the sentence just before it
    ("Still, the fund warned that ...\n\n“Although the market reaction ...”")."""
    first = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
    if not first or first.sent.start == 0:
        return Attribution()
    for cue in reversed([t for t in doc[first.sent.start - 1].sent if is_cue(t)]):
        subject = subject_of(cue)
        found = resolver.resolve(subject) if subject is not None else Attribution()
        if found.speaker:
            found.cue, found.rule = cue.text.lower(), "speaker_before"
            found.at = subject.i if subject is not None else -1
            return found
    return Attribution()
