-- One meeting ID that is not a PMI (10 digits, or an account's PMI) held at least reuse.min-sessions sessions in
-- the month and no session used the waiting room. Only IDs whose exports carry the waiting-room column, or that
-- the history meetings report (its waiting room feature) covers, are judged. One per meeting ID.
-- inputs: meetings; waiting_room|history
with rooms as (
    select meeting_id, bool_or(used) as used, bool_or(known) as known
    from (select j.meeting_id, j.in_waiting_room as used, j.in_waiting_room is not null as known
          from ev_join j
          union all
          select h.meeting_id, h.waiting_room, true
          from ev_history h) seen
    group by meeting_id
)
select 'meeting:' || o.meeting_id as subject, min(o.start_time) as occurred_at, o.meeting_id, min(o.topic) as topic,
       min(o.host_email) as host_email, min(o.host_profile) as profile,
       'evidence.MEETING_ROOM_REUSED' as evidence_key,
       jsonb_build_array(count(*), jsonb_agg(o.local_start order by o.start_time), :reuse_min_sessions) as evidence_args
from ev_occurrence o
join rooms r on r.meeting_id = o.meeting_id
where length(o.meeting_id) <> 10
  and not exists (select 1 from ev_account a where a.pmi = o.meeting_id)
  and r.known and not coalesce(r.used, false)
group by o.meeting_id
having count(*) >= :reuse_min_sessions
