-- The Transfers sheet (TransfersSheet). The transfers that need attention first: outside the EU/EEA without
-- adequacy, unknown, then the others.

-- name: transfers
select t.meeting_id, t.meeting_start, coalesce(t.host_email, m.host_email), t.data_centre, t.country, t.region,
       t.participants, m.topic
  from meeting_transfer t
  left join meeting m on m.meeting_id = t.meeting_id and m.start_time = t.meeting_start
 where t.month = :month
 order by case t.region when 'OTHER' then 0 when 'UNKNOWN' then 1 when 'ADEQUATE' then 2 else 3 end,
          t.meeting_start, t.meeting_id, t.data_centre
