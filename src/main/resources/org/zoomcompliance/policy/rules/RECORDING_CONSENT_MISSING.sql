-- A recorded meeting (a dashboard participant recording, a cloud recording of it, or the history meetings
-- report's cloud or local recording) has participants other than the host who did not acknowledge the recording
-- notice: neither their participants export's consent / disclaimer column nor the disclaimer report shows them
-- acknowledging it. Only meetings with such evidence (the column, or the report's recording notice answers) are
-- judged. One per meeting, with the count.
-- inputs: consent|disclaimers; dashboard|recordings|history
-- the recorded occurrences first: a few of the month's, whose participants alone are counted
with recorded as (
    select o.*
    from ev_occurrence o
    where exists (select 1 from ev_dash_presence p
                  where p.meeting_id = o.meeting_id and p.start_time = o.start_time and p.recording)
       or exists (select 1 from recording r
                  where r.meeting_id = o.meeting_id and r.inventory_date <= :reference_date
                    and r.start_time >= o.start_time - interval '5 minutes'
                    and r.start_time < coalesce(o.end_time, o.start_time + interval '12 hours'))
       or exists (select 1 from ev_history h
                  where h.meeting_id = o.meeting_id and h.start_time = o.start_time
                    and (h.cloud_recording or h.local_recording))
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       'evidence.RECORDING_CONSENT_MISSING' as evidence_key,
       jsonb_build_array(c.missing, c.total, o.local_start) as evidence_args
from recorded o
join (select p.meeting_id, p.start_time, count(*) as total,
             count(*) filter (where not coalesce(p.is_host, false) and not coalesce(p.consent, false)
                                and not exists (select 1 from ev_disclaimer d
                                                where d.meeting_id = p.meeting_id and d.start_time = p.start_time
                                                  and d.person = p.person and d.notice like '%RECORDING%'
                                                  and d.consent)) as missing
      from ev_presence p
      where (p.meeting_id, p.start_time) in (select meeting_id, start_time from recorded)
      group by p.meeting_id, p.start_time
      having bool_or(p.consent_known)
          or exists (select 1 from ev_disclaimer d
                     where d.meeting_id = p.meeting_id and d.start_time = p.start_time
                       and d.notice like '%RECORDING%')) c on c.meeting_id = o.meeting_id and c.start_time = o.start_time
where c.missing > 0
