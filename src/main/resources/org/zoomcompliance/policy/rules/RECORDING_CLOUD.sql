-- A cloud recording is listed in the newest recordings export: only local recording is allowed.
-- One per recording; it stays ONGOING while the recording is still listed. A meeting of the month the history
-- meetings report shows recorded to the cloud is raised too, under the same subject, when no recordings export
-- ingested lists its recording (none loaded, or one that missed it): once an export listed it, the newest says
-- whether it is still held.
-- inputs: recordings|history
select r.subject, r.start_time as occurred_at, r.meeting_id, r.topic, r.host_email, r.host_profile as profile,
       'cloud recording of ' || coalesce(zc_local(r.start_time, :zone), 'an unknown date')
           || ' still held in Zoom''s cloud on ' || to_char(r.inventory_date, 'YYYY-MM-DD')
           || coalesce(' (' || r.file_count || ' file(s), ' || round(r.file_size_mb, 1) || ' MB)', '')
           || '; only local recording is allowed' as evidence
from ev_recording r
union all
select 'recording:' || o.meeting_id || '@' || zc_utc(o.start_time), o.start_time, o.meeting_id, o.topic,
       o.host_email, o.host_profile,
       'meeting of ' || o.local_start || ' recorded to Zoom''s cloud (history meetings report); no recordings'
           || ' export lists the recording; only local recording is allowed'
from ev_history h
join ev_occurrence o on o.meeting_id = h.meeting_id and o.start_time = h.start_time
where h.cloud_recording
  and not exists (select 1 from recording r
                  where r.meeting_id = o.meeting_id and r.inventory_date <= :reference_date
                    and r.start_time >= o.start_time - interval '5 minutes'
                    and r.start_time < coalesce(o.end_time, o.start_time + interval '12 hours'))
