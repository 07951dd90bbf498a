-- Participants' media went through a data centre outside the EU/EEA and the adequate countries
-- (transfers.adequate-countries); a data centre data-centres.csv does not know, or none given, is reported as
-- unknown, never assumed to be in the EU. One per meeting occurrence, with the data centres and counts.
-- inputs: data_centres
with located as (
    select t.meeting_id, t.meeting_start, t.region,
           t.participants || ' participant(s) ' || case when t.data_centre = '' then 'without a data centre'
               else 'through ' || t.data_centre || coalesce(' (' || t.country || ')', '') end as entry
    from ev_transfer t
    where t.region in ('OTHER', 'UNKNOWN')
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       concat_ws('; ',
           string_agg(l.entry, '; ' order by l.entry) filter (where l.region = 'OTHER')
               || ': outside the EU/EEA and the adequate countries',
           string_agg(l.entry, '; ' order by l.entry) filter (where l.region = 'UNKNOWN')
               || ': location unknown, not assumed to be in the EU/EEA') as evidence
from located l
join ev_occurrence o on o.meeting_id = l.meeting_id and o.start_time = l.meeting_start
group by o.subject, o.start_time, o.meeting_id, o.topic, o.host_email, o.host_profile
