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
       case when a.email is not null
            then 'the Personal Meeting ID of ' || a.email || ' was used for ' || s.sessions || ' meeting(s) on '
                 || s.days || ' day(s), the first on ' || zc_local(s.first_time, :zone)
            else 'a 10-digit ID (the Personal Meeting ID format) was used by one host on ' || s.days
                 || ' distinct days (threshold ' || :pmi_min_days || '), the first on ' || zc_local(s.first_time, :zone)
                 || ', and the host''s PMI is not known ('
                 || case when not :users_loaded then 'no users export'
                         when s.host_email is null then 'the host has no e-mail in the exports'
                         when h.email is null then s.host_email || ' is not in the users export'
                         else 'the users export gives no PMI for ' || h.email end || ')'
       end || '; a PMI should not be used or shared' as evidence
from sessions s
left join ev_account a on a.pmi = s.meeting_id
left join ev_account h on h.email_key = lower(s.host_email)
where a.email is not null
   or (h.pmi is null and length(s.meeting_id) = 10 and s.hosts = 1 and s.days >= :pmi_min_days)
