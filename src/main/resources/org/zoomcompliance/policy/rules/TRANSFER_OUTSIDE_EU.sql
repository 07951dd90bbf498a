-- Participants' media went through a data centre outside the EU/EEA and the adequate countries
-- (transfers.adequate-countries); a data centre data-centres.csv does not know, or none given, is reported as
-- unknown, never assumed to be in the EU. One per meeting occurrence, with the data centres and counts.
-- inputs: data_centres
with located as (
    select t.meeting_id, t.meeting_start, t.region,
           t.participants || ' participant(s) ' || case when t.data_centre = '' then 'without a data centre'
               else 'through ' || t.data_centre || coalesce(' (' || t.country || ')', '') end as entry,
           case when t.data_centre = ''
                then jsonb_build_object('key', 'evidence.TRANSFER_OUTSIDE_EU.no-data-centre', 'args',
                    jsonb_build_array(t.participants))
                when t.country is null
                then jsonb_build_object('key', 'evidence.TRANSFER_OUTSIDE_EU.through', 'args',
                    jsonb_build_array(t.participants, t.data_centre))
                else jsonb_build_object('key', 'evidence.TRANSFER_OUTSIDE_EU.through-country', 'args',
                    jsonb_build_array(t.participants, t.data_centre, t.country)) end as entry_args
    from ev_transfer t
    where t.region in ('OTHER', 'UNKNOWN')
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       'evidence.TRANSFER_OUTSIDE_EU' as evidence_key,
       -- the entries in the order of their English text, as before keys
       jsonb_build_array(jsonb_build_object('join', 'clause', 'items', jsonb_build_array(
           case when bool_or(l.region = 'OTHER') then jsonb_build_object('key', 'evidence.TRANSFER_OUTSIDE_EU.outside',
               'args', jsonb_build_array(jsonb_build_object('join', 'clause', 'items',
                   jsonb_agg(l.entry_args order by l.entry) filter (where l.region = 'OTHER')))) end,
           case when bool_or(l.region = 'UNKNOWN') then jsonb_build_object('key', 'evidence.TRANSFER_OUTSIDE_EU.unknown',
               'args', jsonb_build_array(jsonb_build_object('join', 'clause', 'items',
                   jsonb_agg(l.entry_args order by l.entry) filter (where l.region = 'UNKNOWN')))) end)))
           as evidence_args
from located l
join ev_occurrence o on o.meeting_id = l.meeting_id and o.start_time = l.meeting_start
group by o.subject, o.start_time, o.meeting_id, o.topic, o.host_email, o.host_profile
