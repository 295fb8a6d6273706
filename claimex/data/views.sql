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
left join entities e1 on e1.id = x1.entity_id
left join entity_aliases x2 on x2.alias = m2.speaker
left join entities e2 on e2.id = x2.entity_id;
