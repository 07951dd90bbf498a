-- The topic contains a configured sensitive term, as a whole word, whatever the case and accents
-- ("secrétariat" does not contain the word "secret"). One per meeting occurrence.
-- inputs: topics
with terms as (
    select term, ordinality, '\m' || regexp_replace(regexp_replace(zc_fold(btrim(term)), '([][(){}.^$*+?|\\])', '\\\1', 'g'),
                                        '\s+', '\\s+', 'g') || '\M' as pattern
    from unnest(string_to_array(:sensitive_terms, E'\n')) with ordinality u(term, ordinality)
), sensitive as (
    -- the topics holding any term, found with one expression of them all; each of those then told term by term
    select o.*, zc_fold(o.topic) as folded
    from ev_occurrence o
    where zc_fold(o.topic) ~ (select string_agg('(?:' || pattern || ')', '|') from terms)
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       'evidence.SENSITIVE_TOPIC' as evidence_key,
       jsonb_build_array(o.topic, jsonb_agg(jsonb_build_object('key', 'evidence.quoted', 'args', jsonb_build_array(t.term))
                                            order by t.ordinality)) as evidence_args
from sensitive o
join terms t on o.folded ~ t.pattern
group by o.subject, o.start_time, o.meeting_id, o.topic, o.host_email, o.host_profile
