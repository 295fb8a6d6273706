-- The ledger's views: the logic that SQL users, the CLI and Datasette all read.
-- Each view starts with a marker line (two dashes, "view:", its name); claimex (re)creates them on open.

-- view: claim_mentions
-- One row per mention, claim first: the claim as written, its figure (the value with its unit, as
-- claimex.figures.figure prints it), who said it, the words around it, outlet, date, article; ids last.
select
    trim(replace(replace(replace(m.text, char(13), ''), char(10) || char(10), ''), char(10), ' ')) as claim,
    m.prefix || m.low || coalesce('–' || m.high, '') || m.suffix || coalesce('/' || m.per, '') as figure,
    coalesce(m.speaker, m.source) as said_by,
    case when length(m.sentence) <= 160 then m.sentence
         else case when m.at > 53 then '…' else '' end
              || substr(m.sentence, max(1, m.at - 53), 160)
              || case when max(1, m.at - 53) + 160 <= length(m.sentence) then '…' else '' end
    end as snippet,
    v.outlet, v.published, coalesce(v.url, a.key) as article, v.headline, m.metric, m.period, m.qualifier,
    m.unit, m.per, m.value, m.range_high, m.value_low, m.value_high, m.speaker, m.source, m.quote,
    m.counted, m.text, m.sentence, a.key as article_key, v.url, v.source as input, v.observed_at,
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
join articles a on a.id = v.article_id;

-- view: claim_series
-- A claim's history: every mention of one measured thing, dated ones in publication order, undated last.
-- `series` is what makes two mentions one measured thing; it is the one line to change when the ledger
-- gains a claim identity (issue 15).
select
    c.metric || ' (' || coalesce(c.unit, 'count') || coalesce(' per ' || c.per, '') || ')' as series,
    c.published, c.claim, c.figure, c.said_by, c.outlet, c.snippet, c.article, c.period, c.qualifier,
    c.value, c.unit, c.per, c.metric, c.headline,
    case when c.unit is null then 'count' else c.unit end
        || coalesce(' per ' || c.per, '') as axis_unit,
    cast(round((julianday(c.published) - 2440587.5) * 86400000) as integer) as published_ms,
    c.observed_at, c.mention_id, c.claim_id, c.version_id, c.mention_rowid
from claim_mentions c
where c.metric is not null;

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
select
    m1.id as mention_a, m2.id as mention_b, m1.metric, m1.unit, m1.per,
    coalesce(m1.period, m2.period) as period,
    a1.key as article_a, a2.key as article_b,
    m1.text as text_a, m2.text as text_b, m1.value as value_a, m2.value as value_b,
    coalesce(m1.speaker, m1.source) as said_by_a, coalesce(m2.speaker, m2.source) as said_by_b,
    case
        when coalesce(m1.value_high, 1e308) >= coalesce(m2.value_low, -1e308)
         and coalesce(m2.value_high, 1e308) >= coalesce(m1.value_low, -1e308) then 'consistent'
        else 'conflict'
    end as verdict,
    case when max(abs(m1.value), abs(m2.value)) > 0
         then round(abs(m1.value - m2.value) / max(abs(m1.value), abs(m2.value)), 4) end as relative_difference,
    m1.sentence as sentence_a, m2.sentence as sentence_b
from mentions m1
join mentions m2 on m2.metric = m1.metric and m2.unit is m1.unit and m2.per is m1.per and m2.id > m1.id
join article_versions v1 on v1.id = m1.version_id
join article_versions v2 on v2.id = m2.version_id
join articles a1 on a1.id = v1.article_id
join articles a2 on a2.id = v2.article_id
where m1.metric is not null
  and m1.sentence != m2.sentence
  -- figures more than twice apart are different quantities, not competing accounts of one
  and max(abs(m1.value), abs(m2.value)) <= 2 * min(abs(m1.value), abs(m2.value))
  -- within one article two figures of a metric are usually two facts: only restatements are listed
  and (v1.article_id != v2.article_id
       or (coalesce(m1.value_high, 1e308) >= coalesce(m2.value_low, -1e308)
           and coalesce(m2.value_high, 1e308) >= coalesce(m1.value_low, -1e308)))
  and (v1.id = v2.id or v1.article_id != v2.article_id)
  and (m1.period = m2.period
       or (m1.period is null and m2.period is null
           and abs(julianday(v1.published) - julianday(v2.published)) <= 3));

-- view: claim_pairs
-- The cross-checks as people read them: each side's claim, figure, speaker and outlet first, then the words.
select
    x.verdict, a.claim as claim_a, a.figure as figure_a, a.said_by as said_by_a, a.outlet as outlet_a,
    b.claim as claim_b, b.figure as figure_b, b.said_by as said_by_b, b.outlet as outlet_b,
    x.relative_difference, a.snippet as snippet_a, b.snippet as snippet_b,
    a.published as published_a, b.published as published_b, x.metric, x.unit, x.period,
    a.article as article_a, b.article as article_b, x.mention_a, x.mention_b
from cross_checks x
join claim_mentions a on a.mention_id = x.mention_a
join claim_mentions b on b.mention_id = x.mention_b;
