-- A meeting held on a Personal Meeting ID: an account's PMI in the users export or, for a host whose PMI is not
-- known (no users export, the host not in it, or listed without a PMI), a 10-digit ID (the PMI format) used by
-- that one host on at least pmi.min-days distinct days of the month. One per meeting ID.
-- inputs: meetings
with sessions as (
    select o.meeting_id, count(*) as sessions, count(distinct (o.start_time at time zone :zone)::date) as days,
           min(o.start_time) as first_time, min(o.topic) as topic, min(o.host_email) as host_email,
           min(o.host_profile) as profile, count(distinct coalesce(lower(o.host_email), lower(o.host_name))) as hosts
    from ev_occurrence o
    group by o.meeting_id
)
select 'meeting:' || s.meeting_id as subject, s.first_time as occurred_at, s.meeting_id, s.topic,
       coalesce(s.host_email, a.email) as host_email, coalesce(s.profile, a.profiles[1]) as profile,
       case when a.email is not null then 'evidence.MEETING_ON_PMI.known' else 'evidence.MEETING_ON_PMI.ten-digits' end
           as evidence_key,
       case when a.email is not null
            then jsonb_build_array(a.email, s.sessions, s.days, zc_local(s.first_time, :zone))
            else jsonb_build_array(s.days, :pmi_min_days, zc_local(s.first_time, :zone),
                 case when not :users_loaded then jsonb_build_object('key', 'evidence.MEETING_ON_PMI.no-users-export')
                      when s.host_email is null then jsonb_build_object('key', 'evidence.MEETING_ON_PMI.no-host-email')
                      when h.email is null then jsonb_build_object('key', 'evidence.MEETING_ON_PMI.not-in-users-export',
                          'args', jsonb_build_array(s.host_email))
                      else jsonb_build_object('key', 'evidence.MEETING_ON_PMI.no-pmi-given', 'args', jsonb_build_array(h.email))
                 end)
       end as evidence_args
from sessions s
left join ev_account a on a.pmi = s.meeting_id
left join ev_account h on h.email_key = lower(s.host_email)
where a.email is not null
   or (h.pmi is null and length(s.meeting_id) = 10 and s.hosts = 1 and s.days >= :pmi_min_days)
