"""Page -> articles -> claims and quotes: the extraction stage, with no I/O."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimex.components import metric
from claimex.components.attribution import Attribution, Resolver, cascade, claim_rules, names_a_speaker
from claimex.components.candidates import DocIndex, Group, Target, extra_candidates, group
from claimex.components.ellipsis import fill_unsaid
from claimex.components.measure import measure
from claimex.components.names import inside_name
from claimex.components.quotes import QuoteSpan, find_quotes, paragraph_breaks
from claimex.components.ranker import choose
from claimex.components.speakers import quote_speaker, speaker_before
from claimex.normalise.dates import assign_periods, find_time_refs
from claimex.normalise.language import language
from claimex.normalise.numbers import read_quantities
from claimex.normalise.quantity import Quantity, claim_kind
from claimex.records import Article, Claim, Extraction, Page, Quote
from claimex.segment import ArticleText, segment
from claimex.textmap import TextMap

BATCH_SIZE = 32
LONG_TEXT = (
    20_000  # characters: a longer article is extracted in chunks (attribution slows on very long docs)
)
# the page, the article or chunk (None: an empty page), the page's article count, whether the article ends
_Context = tuple[Page, ArticleText | None, int, bool]
# what the ranker saw, for training: "c" or "q", the original start and end, the candidate groups, and
# for each group the original offsets of the tokens its finders pointed at
Decision = tuple[str, int, int, list[Group], list[list[int]]]


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or None."""
    return dt.date.fromisoformat(value[:10]) if value else None


class _ArticleExtractor:
    """Extracts one article from its parsed Doc."""

    def __init__(
        self, art: ArticleText, doc: Doc, published: dt.date | None, trace: list[Decision] | None = None
    ) -> None:
        self.art, self.doc, self.published = art, doc, published
        self.resolver = Resolver(doc)
        self.quote_spans: list[tuple[QuoteSpan, Attribution]] = []
        self.pending_quotes: list[QuoteSpan] = find_quotes(doc.text)
        self.index = DocIndex.build(doc, [(q.start, q.end) for q in self.pending_quotes])
        self.trace = trace

    def _previous_quote(self, before: int) -> Attribution | None:
        """The speaker of the last quotation ending before character `before`, named by how far back it is."""
        last = next((q for q in reversed(self.quote_spans) if q[0].end <= before), None)
        if last is None or not last[1].speaker:
            return None
        breaks = min(paragraph_breaks(self.resolver.text, last[0].end, before), 2)
        return Attribution(
            speaker=last[1].speaker, cue=last[1].cue, rule=f"previous_quote_{breaks}", at=last[1].at
        )

    def _rank(
        self, target: Target, found: list[Attribution], fallback: Attribution, span: tuple[int, int]
    ) -> Attribution:
        """The ranker's pick among the rules' answers and the extra finders' (recorded when tracing). A claim
        the rules attribute keeps a speaker or source (the ranker picks which); one they leave in the
        article's own voice gets one only when a candidate outscores the own voice."""
        previous = self._previous_quote(self.doc[target.first].idx)
        extras = extra_candidates(target, self.resolver, self.index, previous)
        groups = group(target, [fallback, *found, *extras], self.index, self.resolver)
        if self.trace is not None:
            start, end = self.art.textmap.span(*span)
            doc, origin = self.doc, self.art.textmap.span
            places = [
                [origin(doc[m.at].idx, doc[m.at].idx + 1)[0] for m in g.members if m.at >= 0] for g in groups
            ]
            self.trace.append((target.kind, start, end, groups, places))
        attributed = target.kind == "c" and bool(fallback.named)
        return choose(groups[1:] if attributed else groups, fallback)

    def _quotes(self, sentence: Span) -> None:
        for span in self.pending_quotes:
            if not sentence.start_char <= span.start < sentence.end_char:
                continue
            previous = self.quote_spans[-1] if self.quote_spans else None
            breaks = paragraph_breaks(self.resolver.text, previous[0].end, span.start) if previous else 2
            # “…,” said one trader. “…” Critics had said …: the second quotation is still the trader's.
            in_paragraph = previous is not None and previous[1].speaker is not None and breaks == 0
            found = quote_speaker(self.doc, span, self.resolver, look_ahead=not in_paragraph)
            rules = [found] if found.speaker else []
            # An unattributed quotation right after another (same or next paragraph) keeps its speaker.
            if not found.speaker and previous is not None:
                last, who = previous
                if not last.closed or breaks <= 1:
                    found = Attribution(speaker=who.speaker, cue=who.cue, rule="previous_quote", at=who.at)
            if not found.speaker:
                found = speaker_before(self.doc, span, self.resolver)
                rules += [found] if found.speaker else []
            fallback = Attribution(found.speaker, found.source, found.cue, "cascade", found.at)
            tokens = self.doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is not None and len(tokens):
                target = Target("q", tokens.start, tokens.end - 1)
                ranked = self._rank(target, rules, fallback, (span.start, span.end))
                found = _spoken(ranked)
            self.quote_spans.append((span, found))

    def _remember_subjects(self, sentence: Span) -> None:
        """Named subjects of this sentence become the antecedents of later pronouns and titles."""
        quoted = [(span.start, span.end) for span, _ in self.quote_spans]
        for token in sentence:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in self.resolver.pronouns:
                continue
            if any(start <= token.idx < end for start, end in quoted):
                continue  # “… Joseph was a carpenter,” he said: a name inside a quotation is not its speaker
            titled = token.lower_ in self.resolver.titles  # "The prime minister shrugged off ... He said"
            named = token.ent_type_ in ("PERSON", "ORG") or any(c.dep_ == "appos" for c in token.children)
            if named or titled:
                self.resolver.resolve(token)

    def _claims(self, sentence: Span, quantities: list[Quantity]) -> list[Claim]:
        for q in quantities:
            q.counted = q.counted or metric.counted(self.doc, q)
        said = {(q.start, q.end): q.counted for q in quantities}  # before units left unsaid are filled
        quantities = fill_unsaid(self.doc.text, quantities)
        refs = find_time_refs(sentence.text, self.published)
        base = sentence.start_char
        spans = [(q.start - base, q.end - base) for q in quantities]
        periods = assign_periods(sentence.text, spans, refs)
        claims = []
        for q, period in zip(quantities, periods, strict=True):
            span = self.doc.char_span(q.num_start, q.num_end, alignment_mode="expand")
            if span is not None and names_a_speaker(span.root):
                continue
            if span is not None and q.kind == "count" and q.unit is None and inside_name(span):
                continue  # "the new Apple Watch 5"
            inside = next((a for s, a in self.quote_spans if s.start <= q.num_start < s.end), None)
            if inside is not None:
                who, quoted = inside, True
            elif span is not None:
                rules = claim_rules(span.root, self.resolver)
                target = Target("c", span.root.i, span.root.i)
                who, quoted = self._rank(target, rules, cascade(rules), (q.start, q.end)), False
            else:
                who, quoted = Attribution(), False
            start, end = self.art.textmap.span(q.start, q.end)
            counted = q.counted
            whole = self.doc.char_span(q.start, q.end, alignment_mode="expand")
            measured = (
                measure(span, whole, q.kind == "duration") if span is not None and whole is not None else None
            )
            claims.append(
                Claim(
                    start=start,
                    end=end,
                    text=self.art.textmap.original[start:end],
                    value=q.value,
                    value_high=q.value_high,
                    unit=q.unit,
                    per=q.per,
                    counted=counted,
                    # the metric (the ledger's claim identity) keeps to what the sentence says of the figure
                    metric=metric.metric(self.doc, q, said.get((q.start, q.end))),
                    qualifier=q.qualifier,
                    period=period,
                    speaker=who.speaker,
                    source=who.source,
                    rule=who.rule if who.named else None,
                    confidence=who.confidence,
                    quote=quoted,
                    sentence=" ".join(sentence.text.split()),
                    kind=claim_kind(q),
                    measure=measured.thing or None if measured else None,
                    predicate=measured.predicate or None if measured else None,
                    about=measured.about or None if measured else None,
                    context=list(measured.terms) if measured else [],
                )
            )
        return claims

    def run(self) -> Article:
        """Quotes, claims and speakers of the article, sentence by sentence."""
        quantities = read_quantities(self.resolver.text)
        claims: list[Claim] = []
        for sentence in self.doc.sents:
            self._quotes(sentence)
            mine = [q for q in quantities if sentence.start_char <= q.num_start < sentence.end_char]
            if mine:
                claims.extend(self._claims(sentence, mine))
            self._remember_subjects(sentence)
        quotes = []
        for span, who in self.quote_spans:
            start, end = self.art.textmap.span(span.start, span.end)
            text = self.art.textmap.original[start:end]
            rule = who.rule if who.speaker else None
            quotes.append(Quote(start, end, text, who.speaker, who.cue, rule, who.confidence))
        used = {c.speaker for c in claims} | {q.speaker for q in quotes}
        speakers = [s for name, s in self.resolver.speakers.items() if name in used]
        return Article(
            self.art.index, self.art.headline, self.art.start, self.art.end, claims, quotes, speakers
        )


def _spoken(found: Attribution) -> Attribution:
    """A quotation's speaker: the source named is its speaker (“…,” the report said)."""
    if found.source and not found.speaker:
        found.speaker, found.source = found.source, None
    return found


def chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) pieces of `text`, each at most `limit` characters, together covering it exactly: cut at
    paragraph breaks where there are any, else at sentence ends, else at spaces, else anywhere."""
    pieces: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        cut = cut if cut > 0 else max(window.rfind(". "), window.rfind(" "))
        end = start + (cut + 1 if cut > 0 else limit)
        pieces.append((start, end))
        start = end
    return [*pieces, (start, len(text))]


class _ChunkMap(TextMap):
    """One chunk of an article's repaired text, mapping back into the original like the whole does."""

    def __init__(self, whole: TextMap, start: int, end: int) -> None:
        self.original = whole.original
        self.text = whole.text[start:end]
        self._origin = whole._origin[start : end + 1]


def _pieces(art: ArticleText, limit: int) -> list[ArticleText]:
    """A long article as chunks of at most `limit` characters, each extracted on its own."""
    if len(art.textmap.text) <= limit:
        return [art]
    return [
        ArticleText(art.index, art.headline, art.start, art.end, _ChunkMap(art.textmap, a, b))
        for a, b in chunks(art.textmap.text, limit)
    ]


def _merge(article: Article, more: Article) -> None:
    article.claims.extend(more.claims)
    article.quotes.extend(more.quotes)
    known = {s.name for s in article.speakers}
    article.speakers.extend(s for s in more.speakers if s.name not in known)


def extract_pages(
    nlp: Language,
    pages: Iterable[Page],
    batch_size: int = BATCH_SIZE,
    on_skip: Callable[[Page, str], None] | None = None,
    trace: list[Decision] | None = None,
) -> Iterator[tuple[Page, Extraction]]:
    """Extract every page, in order, parsing all their articles in one `nlp.pipe` stream. An article longer
    than LONG_TEXT is parsed and extracted in paragraph chunks (offsets kept) and reported as one article.
    A page that is not in English yields no articles; `on_skip` hears why. `trace` collects what the
    attribution ranker saw (for training)."""
    limit = min(LONG_TEXT, nlp.max_length)

    def articles() -> Iterator[tuple[str, _Context]]:
        for page in pages:
            found = segment(page.text, page.title)
            code = language(page.text) if found else None
            if code and on_skip is not None:
                on_skip(page, f"not English ({code})")
            if not found or code:  # an empty doc keeps the page in the stream
                yield "", (page, None, 1, True)
                continue
            for art in found:
                pieces = _pieces(art, limit)
                for i, piece in enumerate(pieces):
                    yield piece.textmap.text, (page, piece, len(found), i == len(pieces) - 1)

    current: Extraction | None = None
    remaining = 0
    open_article = False  # the last article has more chunks to come
    for doc, (page, art, count, last) in nlp.pipe(articles(), as_tuples=True, batch_size=batch_size):
        if current is None:
            current, remaining = Extraction(page.source, page.published), count
        if art is not None:
            found = _ArticleExtractor(art, doc, parse_date(page.published), trace).run()
            if open_article:
                _merge(current.articles[-1], found)
            else:
                current.articles.append(found)
        open_article = not last
        if last:
            remaining -= 1
        if remaining == 0:
            yield page, current
            current = None


def extract_page(nlp: Language, page: Page) -> Extraction:
    """Extract one page."""
    return next(extract_pages(nlp, [page]))[1]
