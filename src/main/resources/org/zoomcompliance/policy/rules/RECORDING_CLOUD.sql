-- A cloud recording is listed in the newest recordings export: only local recording is allowed.
-- One per recording; it stays ONGOING while the recording is still listed.
-- inputs: recordings
select r.subject, r.start_time as occurred_at, r.meeting_id, r.topic, r.host_email, r.host_profile as profile,
       'evidence.RECORDING_CLOUD' as evidence_key,
       jsonb_build_array(coalesce(to_jsonb(zc_local(r.start_time, :zone)),
                                  jsonb_build_object('key', 'evidence.RECORDING_CLOUD.unknown-date')),
           to_char(r.inventory_date, 'YYYY-MM-DD'),
           case when r.file_count is not null and r.file_size_mb is not null then jsonb_build_object('key',
               'evidence.RECORDING_CLOUD.files', 'args', jsonb_build_array(r.file_count, round(r.file_size_mb, 1))) end)
           as evidence_args
from ev_recording r
