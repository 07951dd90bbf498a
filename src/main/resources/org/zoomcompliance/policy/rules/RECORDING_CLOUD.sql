-- A cloud recording is listed in the newest recordings export: only local recording is allowed.
-- One per recording; it stays ONGOING while the recording is still listed. A meeting of the month the history
-- meetings report shows recorded to the cloud is raised too, under the same subject, when no recordings export
-- ingested lists its recording (none loaded, or one that missed it): once an export listed it, the newest says
-- whether it is still held.
-- inputs: recordings|history
select r.subject, r.start_time as occurred_at, r.meeting_id, r.topic, r.host_email, r.host_profile as profile,
       'evidence.RECORDING_CLOUD' as evidence_key,
       jsonb_build_array(coalesce(to_jsonb(zc_local(r.start_time, :zone)),
                                  jsonb_build_object('key', 'evidence.RECORDING_CLOUD.unknown-date')),
           to_char(r.inventory_date, 'YYYY-MM-DD'),
           case when r.file_count is not null and r.file_size_mb is not null then jsonb_build_object('key',
               'evidence.RECORDING_CLOUD.files', 'args', jsonb_build_array(r.file_count, round(r.file_size_mb, 1))) end)
           as evidence_args
from ev_recording r
union all
select 'recording:' || o.meeting_id || '@' || zc_utc(o.start_time), o.start_time, o.meeting_id, o.topic,
       o.host_email, o.host_profile,
       'evidence.RECORDING_CLOUD.history', jsonb_build_array(o.local_start)
from ev_history h
join ev_occurrence o on o.meeting_id = h.meeting_id and o.start_time = h.start_time
where h.cloud_recording
  and not exists (select 1 from recording r
                  where r.meeting_id = o.meeting_id and r.inventory_date <= :reference_date
                    and r.start_time >= o.start_time - interval '5 minutes'
                    and r.start_time < coalesce(o.end_time, o.start_time + interval '12 hours'))
