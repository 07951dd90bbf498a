-- A participant other than the host recorded the meeting (a co-host too, unless recording.allow-co-host).
-- One per meeting occurrence and participant.
-- inputs: dashboard
select o.subject || ':participant:' || p.person as subject, o.start_time as occurred_at, o.meeting_id, o.topic,
       o.host_email, o.host_profile as profile,
       'evidence.RECORDING_BY_NON_HOST' as evidence_key,
       jsonb_build_array(p.name,
           case when p.is_co_host then jsonb_build_object('key', 'evidence.RECORDING_BY_NON_HOST.co-host') end,
           o.local_start,
           case when coalesce(o.host_name, o.host_email) is not null then jsonb_build_object('key',
               'evidence.RECORDING_BY_NON_HOST.hosted-by', 'args', jsonb_build_array(coalesce(o.host_name, o.host_email))) end)
           as evidence_args
from ev_dash_presence p
join ev_occurrence o on o.meeting_id = p.meeting_id and o.start_time = p.start_time
where p.recording and not coalesce(p.is_host, false)
  and not (coalesce(p.is_co_host, false) and :allow_co_host)
