-- A recording still listed in the newest recordings export is older, on the date it is judged at (that
-- export's date, or the asOf given), than its host's profile's retention limit.
-- inputs: recordings; users
select r.subject, r.start_time as occurred_at, r.meeting_id, r.topic, r.host_email, r.host_profile as profile,
       'evidence.RECORDING_RETENTION_EXCEEDED' as evidence_key,
       jsonb_build_array(to_char(r.start_time at time zone :zone, 'YYYY-MM-DD'),
           cast(:judged_on as date) - (r.start_time at time zone :zone)::date, to_char(cast(:judged_on as date), 'YYYY-MM-DD'),
           pp.retention_days, r.host_profile,
           cast(:judged_on as date) - (r.start_time at time zone :zone)::date - pp.retention_days) as evidence_args
from ev_recording r
join ev_profile_policy pp on pp.profile = r.host_profile
where r.start_time is not null
  and cast(:judged_on as date) - (r.start_time at time zone :zone)::date > pp.retention_days
