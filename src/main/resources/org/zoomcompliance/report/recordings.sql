-- The Recordings sheet (RecordingsSheet): the cloud recordings of the inventory the month was judged on, then the
-- local recordings of the month.

-- name: cloud
select r.meeting_id, r.topic, r.host_email, p.profile, r.start_time
  from recording r
  left join account_profile p on p.month = :month and lower(p.email) = lower(r.host_email)
 where r.inventory_date = :inventory
 order by r.start_time nulls last, r.meeting_id

-- name: local
select l.meeting_id, m.topic, m.host_email, p.profile, l.recorded
  from (${local-recordings}) l
  left join lateral (select topic, host_email from meeting m where m.meeting_id = l.meeting_id
                      order by abs(extract(epoch from m.start_time - l.recorded)) limit 1) m on true
  left join account_profile p on p.month = :month and lower(p.email) = lower(m.host_email)
 order by l.recorded, l.meeting_id
