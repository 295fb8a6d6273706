-- The ledger's views: the logic that SQL users, the CLI and Datasette all read.
-- Each view starts with a marker line (two dashes, "view:", its name); claimex (re)creates them on open.

-- view: claim_mentions
select
    m.id as mention_id, a.key as article, v.headline, v.published, v.observed_at, v.outlet, v.url,
    m.text, m.value, m.range_high, m.value_low, m.value_high, m.unit, m.per, m.qualifier, m.period,
    m.metric, m.counted, m.speaker, m.source, m.quote, m.sentence, m.claim_id, m.version_id,
    v.article_id, v.source as input
from mentions m
join article_versions v on v.id = m.version_id
join articles a on a.id = v.article_id;

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
