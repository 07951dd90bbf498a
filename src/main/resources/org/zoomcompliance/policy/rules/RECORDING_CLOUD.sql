-- A cloud recording is listed in the newest recordings export: only local recording is allowed.
-- One per recording; it stays ONGOING while the recording is still listed.
-- inputs: recordings
select r.subject, r.start_time as occurred_at, r.meeting_id, r.topic, r.host_email, r.host_profile as profile,
       'cloud recording of ' || coalesce(zc_local(r.start_time, :zone), 'an unknown date')
           || ' still held in Zoom''s cloud on ' || to_char(r.inventory_date, 'YYYY-MM-DD')
           || coalesce(' (' || r.file_count || ' file(s), ' || round(r.file_size_mb, 1) || ' MB)', '')
           || '; only local recording is allowed' as evidence
from ev_recording r
