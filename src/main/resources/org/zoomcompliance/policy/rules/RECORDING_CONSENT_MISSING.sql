-- A recorded meeting (a dashboard participant recording, or a cloud recording of it) has participants other
-- than the host who did not acknowledge the recording notice. Only meetings whose export carries the
-- consent / disclaimer column are judged. One per meeting, with the count.
-- inputs: consent; dashboard|recordings
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       'evidence.RECORDING_CONSENT_MISSING' as evidence_key,
       jsonb_build_array(c.missing, c.total, o.local_start) as evidence_args
from ev_occurrence o
join (select meeting_id, start_time, count(*) as total,
             count(*) filter (where not coalesce(is_host, false) and not coalesce(consent, false)) as missing
      from ev_presence
      group by meeting_id, start_time
      having bool_or(consent_known)) c on c.meeting_id = o.meeting_id and c.start_time = o.start_time
where c.missing > 0
  and (exists (select 1 from ev_dash_presence p
               where p.meeting_id = o.meeting_id and p.start_time = o.start_time and p.recording)
       or exists (select 1 from recording r
                  where r.meeting_id = o.meeting_id and r.inventory_date <= :reference_date
                    and r.start_time >= o.start_time - interval '5 minutes'
                    and r.start_time < coalesce(o.end_time, o.start_time + interval '12 hours')))
