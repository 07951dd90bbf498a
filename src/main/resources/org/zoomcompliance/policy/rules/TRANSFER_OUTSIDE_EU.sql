-- Participants' media went through a data centre outside the EU/EEA and the adequate countries
-- (transfers.adequate-countries); a data centre data-centres.csv does not know is reported as such, never assumed
-- to be in the EU. One per meeting occurrence, with the data centres and counts.
-- inputs: data_centres
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       string_agg(t.participants || ' participant(s) through ' || t.data_centre || ' ('
                  || case when t.region = 'UNKNOWN' then 'unknown location' else t.country end || ')',
                  '; ' order by t.data_centre)
           || ': outside the EU/EEA and the adequate countries' as evidence
from ev_transfer t
join ev_occurrence o on o.meeting_id = t.meeting_id and o.start_time = t.meeting_start
where t.region in ('OTHER', 'UNKNOWN')
group by o.subject, o.start_time, o.meeting_id, o.topic, o.host_email, o.host_profile
