-- The ledger's views: the logic that SQL users, the CLI and Datasette all read.
-- Each view starts with a marker line (two dashes, "view:", its name); claimex (re)creates them on open.

-- view: claim_mentions
-- One row per mention, claim first: the claim as written, its figure (the value with its unit, as
-- claimex.figures.figure prints it), who said it, the words around it, outlet, date, article; ids last.
select
    trim(replace(replace(replace(m.text, char(13), ''), char(10) || char(10), ''), char(10), ' ')) as claim,
    m.prefix || m.low || coalesce('–' || m.high, '') || m.suffix || coalesce('/' || m.per, '') as figure,
    coalesce(se.name, m.speaker, m.source) as said_by,
    case when length(m.sentence) <= 160 then m.sentence
         else case when m.at > 53 then '…' else '' end
              || substr(m.sentence, max(1, m.at - 53), 160)
              || case when max(1, m.at - 53) + 160 <= length(m.sentence) then '…' else '' end
    end as snippet,
    v.outlet, v.published, coalesce(v.url, a.key) as article, v.headline, m.metric, m.period, m.qualifier,
    m.unit, m.per, m.value, m.range_high, m.value_low, m.value_high, m.speaker, m.source, m.quote,
    m.counted, m.text, m.sentence, m.kind, m.measure, m.predicate, coalesce(ae.name, m.about) as about,
    m.rule, m.confidence, a.key as article_key, v.url, v.source as input, v.observed_at,
    m.id as mention_id, m.claim_id, m.version_id, v.article_id, m.rowid as mention_rowid
from (
    select
        rowid, *,
        case unit when 'GBP' then '£' when 'USD' then '$' when 'EUR' then '€' when 'JPY' then '¥'
                  when 'INR' then '₹'
                  else case when length(unit) = 3 and unit = upper(unit) and unit glob '[A-Z][A-Z][A-Z]'
                            then unit || ' ' else '' end end as prefix,
        case when unit is null or (length(unit) = 3 and unit glob '[A-Z][A-Z][A-Z]') then ''
             when unit = 'percent' then '%' when unit = 'percentage_point' then ' points'
             when unit = 'ratio' then 'x'
             when unit in ('second', 'minute', 'hour', 'day', 'week', 'month', 'year', 'decade')
                  and (value != 1 or range_high is not null) then ' ' || unit || 's'
             else ' ' || unit end as suffix,
        case when value is null then null
                 when abs(value) >= 1e12 then printf('%.4g', value / 1e12) || 'tn'
                 when abs(value) >= 1e9 then printf('%.4g', value / 1e9) || 'bn'
                 when abs(value) >= 1e6 then printf('%.4g', value / 1e6) || 'm'
                 when value = cast(value as integer) then printf('%,d', cast(value as integer))
                 else printf('%.4g', value) end as low,
        case when range_high is null then null
                 when abs(range_high) >= 1e12 then printf('%.4g', range_high / 1e12) || 'tn'
                 when abs(range_high) >= 1e9 then printf('%.4g', range_high / 1e9) || 'bn'
                 when abs(range_high) >= 1e6 then printf('%.4g', range_high / 1e6) || 'm'
                 when range_high = cast(range_high as integer) then printf('%,d', cast(range_high as integer))
                 else printf('%.4g', range_high) end as high,
        instr(sentence, trim(replace(replace(replace(text, char(13), ''), char(10) || char(10), ''),
                                     char(10), ' '))) as at
    from mentions
) m
join article_versions v on v.id = m.version_id
join articles a on a.id = v.article_id
-- canonical names (table `entities`): "Trump" and "President Trump" are shown as "Donald Trump"
left join entity_aliases sa on sa.alias = m.speaker
left join entities se on se.id = sa.entity_id and se.kind != 'other'
left join entity_aliases aa on aa.alias = m.about
left join entities ae on ae.id = aa.entity_id and ae.kind != 'other';

-- view: claim_series
-- A claim's history: every mention of one measured thing, dated ones in publication order, undated last.
-- `series` is what makes two mentions one measured thing: what the number measures (the thing with its
-- modifiers, read from the parse) and its unit.
select
    coalesce(c.measure, c.metric) || ' (' || coalesce(c.unit, 'count') || coalesce(' per ' || c.per, '') || ')'
        as series,
    c.published, c.claim, c.figure, c.said_by, c.outlet, c.snippet, c.article, c.period, c.qualifier,
    c.value, c.unit, c.per, c.metric, c.headline,
    case when c.unit is null then 'count' else c.unit end
        || coalesce(' per ' || c.per, '') as axis_unit,
    cast(round((julianday(c.published) - 2440587.5) * 86400000) as integer) as published_ms,
    c.observed_at, c.mention_id, c.claim_id, c.version_id, c.mention_rowid
from claim_mentions c
where coalesce(c.measure, c.metric) is not null
  and coalesce(c.kind, 'count') not in ('age', 'ordinal', 'time_span', 'score', 'partitive');

-- view: version_changes
with per_claim as (
    select version_id, claim_id, min(value) as value, max(coalesce(range_high, value)) as high,
           group_concat(text, ' | ') as texts, group_concat(distinct qualifier) as qualifiers,
           min(sentence) as sentence
    from mentions group by version_id, claim_id
),
pairs as (
    select v.article_id, p.id as old_version, v.id as new_version, p.observed_at as old_observed,
           v.observed_at as new_observed
    from article_versions v join article_versions p on p.id = v.previous_version_id
)
select pairs.article_id, pairs.old_version, pairs.new_version, 'changed' as change, o.claim_id,
       o.texts as old_text, o.value as old_value, n.texts as new_text, n.value as new_value,
       n.sentence as sentence
from pairs
join per_claim o on o.version_id = pairs.old_version
join per_claim n on n.version_id = pairs.new_version and n.claim_id = o.claim_id
where o.value != n.value or o.high != n.high or o.qualifiers != n.qualifiers
union all
select pairs.article_id, pairs.old_version, pairs.new_version, 'removed', o.claim_id,
       o.texts, o.value, null, null, o.sentence
from pairs
join per_claim o on o.version_id = pairs.old_version
where not exists (select 1 from per_claim n where n.version_id = pairs.new_version and n.claim_id = o.claim_id)
union all
select pairs.article_id, pairs.old_version, pairs.new_version, 'added', n.claim_id,
       null, null, n.texts, n.value, n.sentence
from pairs
join per_claim n on n.version_id = pairs.new_version
where not exists (select 1 from per_claim o where o.version_id = pairs.old_version and o.claim_id = n.claim_id);

-- view: cross_checks
-- Pairs of mentions in different articles of one story judged to state the same fact (table `links`,
-- built by `claimex check` and `ingest`), with both sides readable: article, offsets into the version's
-- text, the figure as written, its value, who said it, and the sentence.
select
    l.verdict, l.score, l.relative_difference, l.agreed,
    a1.key as article_a, v1.outlet as outlet_a, v1.published as published_a,
    m1.text as text_a, m1.value as value_a, m1.unit as unit_a, m1.per as per_a,
    coalesce(e1.name, m1.speaker) as speaker_a, m1.source as source_a, m1.sentence as sentence_a,
    m1.start - v1.start as start_a, m1."end" - v1.start as end_a,
    a2.key as article_b, v2.outlet as outlet_b, v2.published as published_b,
    m2.text as text_b, m2.value as value_b, m2.unit as unit_b, m2.per as per_b,
    coalesce(e2.name, m2.speaker) as speaker_b, m2.source as source_b, m2.sentence as sentence_b,
    m2.start - v2.start as start_b, m2."end" - v2.start as end_b,
    m1.measure as measure_a, m2.measure as measure_b, s.label as story,
    l.story_id, l.mention_a, l.mention_b, l.id as link_id
from links l
join mentions m1 on m1.id = l.mention_a
join mentions m2 on m2.id = l.mention_b
join article_versions v1 on v1.id = m1.version_id
join article_versions v2 on v2.id = m2.version_id
join articles a1 on a1.id = v1.article_id
join articles a2 on a2.id = v2.article_id
left join stories s on s.id = l.story_id
left join entity_aliases x1 on x1.alias = m1.speaker
left join entities e1 on e1.id = x1.entity_id and e1.kind != 'other'
left join entity_aliases x2 on x2.alias = m2.speaker
left join entities e2 on e2.id = x2.entity_id and e2.kind != 'other';

-- view: claim_pairs
-- The cross-checks as people read them: each side's claim, figure, speaker and outlet first, then the words.
select
    x.verdict, x.score, a.claim as claim_a, a.figure as figure_a, a.said_by as said_by_a, a.outlet as outlet_a,
    b.claim as claim_b, b.figure as figure_b, b.said_by as said_by_b, b.outlet as outlet_b,
    x.relative_difference, a.snippet as snippet_a, b.snippet as snippet_b,
    a.published as published_a, b.published as published_b, x.story, x.agreed,
    a.article as article_a, b.article as article_b, x.mention_a, x.mention_b
from cross_checks x
join claim_mentions a on a.mention_id = x.mention_a
join claim_mentions b on b.mention_id = x.mention_b;
