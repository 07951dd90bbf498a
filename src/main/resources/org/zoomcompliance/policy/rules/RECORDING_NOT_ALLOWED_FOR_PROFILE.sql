-- A meeting whose host's profile may not record (default STUDENT) was recorded, locally (a dashboard
-- participant recording, or the history meetings report's feature) or in the cloud (a recording listed in any
-- recordings export, or the history meetings report's feature). One per meeting, whichever sources show it.
-- inputs: users; dashboard|recordings|history
with recorded as (
    select o.meeting_id, o.start_time, o.subject, o.topic, o.host_email,
           'evidence.RECORDING_NOT_ALLOWED_FOR_PROFILE.locally' as how
    from ev_occurrence o
    where exists (select 1 from ev_dash_presence p
                  where p.meeting_id = o.meeting_id and p.start_time = o.start_time and p.recording)
    union all
    (select distinct on (r.meeting_id, r.start_time)
           r.meeting_id, coalesce(o.start_time, r.start_time),
           coalesce(o.subject, 'occurrence:' || r.meeting_id || '@' || zc_utc(r.start_time)),
           coalesce(o.topic, r.topic), coalesce(o.host_email, r.host_email),
           'evidence.RECORDING_NOT_ALLOWED_FOR_PROFILE.in-the-cloud'
    from recording r
    left join ev_occurrence o on o.meeting_id = r.meeting_id
        and r.start_time >= o.start_time - interval '5 minutes'
        and r.start_time < coalesce(o.end_time, o.start_time + interval '12 hours')
    where r.start_time >= :month_start and r.start_time < :month_end and r.inventory_date <= :reference_date
    order by r.meeting_id, r.start_time, r.inventory_date desc)
    union all
    -- the history meetings report: one row per recording feature it shows used
    select o.meeting_id, o.start_time, o.subject, o.topic, o.host_email, f.key
    from ev_history h
    join ev_occurrence o on o.meeting_id = h.meeting_id and o.start_time = h.start_time
    cross join lateral (values (h.local_recording, 'evidence.RECORDING_NOT_ALLOWED_FOR_PROFILE.locally'),
                               (h.cloud_recording, 'evidence.RECORDING_NOT_ALLOWED_FOR_PROFILE.in-the-cloud')) f(used, key)
    where f.used
)
select c.subject, min(c.start_time) as occurred_at, c.meeting_id, min(c.topic) as topic, min(c.host_email) as host_email,
       min(a.profiles[1]) as profile,
       'evidence.RECORDING_NOT_ALLOWED_FOR_PROFILE' as evidence_key,
       jsonb_build_array(zc_local(min(c.start_time), :zone),
           jsonb_build_object('join', 'and', 'items',
               (select jsonb_agg(jsonb_build_object('key', how) order by how)
                from unnest(array_agg(distinct c.how)) how)),
           min(c.host_email), min(a.profiles[1])) as evidence_args
from recorded c
join ev_account a on a.email_key = lower(c.host_email)
join ev_profile_policy pp on pp.profile = a.profiles[1]
where not pp.may_record
group by c.subject, c.meeting_id
