-- A host whose e-mail domain is not one of the institution's domains, or (when a users export is loaded) who
-- is not a known account: the meeting was held outside the contract. One per host and month.
-- inputs: hosts
with hosted as (
    select lower(host_email) as email, start_time, meeting_id, topic from ev_occurrence where host_email is not null
    union all
    select lower(host_email), start_time, meeting_id, topic from ev_recording where host_email is not null
), judged as (
    select h.email, count(distinct (h.meeting_id, h.start_time)) as meetings, min(h.start_time) as first_time,
           min(h.meeting_id) as meeting_id, min(h.topic) as topic,
           split_part(h.email, '@', 2) as domain,
           :domains <> '' and split_part(h.email, '@', 2) <> all (string_to_array(:domains, E'\n')) as foreign_domain,
           :users_loaded and not exists (select 1 from ev_account a where a.email_key = h.email) as unknown
    from hosted h
    group by h.email
)
select 'host:' || j.email as subject, j.first_time as occurred_at, j.meeting_id, j.topic, j.email as host_email,
       null as profile,
       'evidence.HOST_OUTSIDE_CONTRACT' as evidence_key,
       jsonb_build_array(j.email, j.meetings, zc_local(j.first_time, :zone), jsonb_build_object('join', 'and', 'items',
           jsonb_build_array(
               case when j.foreign_domain then jsonb_build_object('key', 'evidence.HOST_OUTSIDE_CONTRACT.foreign-domain',
                   'args', jsonb_build_array(j.domain, to_jsonb(string_to_array(:domains, E'\n')))) end,
               case when j.unknown then jsonb_build_object('key', 'evidence.HOST_OUTSIDE_CONTRACT.unknown-account') end)))
           as evidence_args
from judged j
where j.foreign_domain or j.unknown
