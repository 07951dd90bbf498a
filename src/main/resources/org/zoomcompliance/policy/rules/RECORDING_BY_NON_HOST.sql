-- A participant other than the host recorded the meeting (a co-host too, unless recording.allow-co-host).
-- One per meeting occurrence and participant.
-- inputs: dashboard
select o.subject || ':participant:' || p.person as subject, o.start_time as occurred_at, o.meeting_id, o.topic,
       o.host_email, o.host_profile as profile,
       p.name || case when p.is_co_host then ' (co-host)' else '' end || ' recorded the meeting of '
           || o.local_start || coalesce(' hosted by ' || coalesce(o.host_name, o.host_email), '')
           || '; recording is reserved to the host' as evidence
from ev_dash_presence p
join ev_occurrence o on o.meeting_id = p.meeting_id and o.start_time = p.start_time
where p.recording and not coalesce(p.is_host, false)
  and not (coalesce(p.is_co_host, false) and :allow_co_host)
