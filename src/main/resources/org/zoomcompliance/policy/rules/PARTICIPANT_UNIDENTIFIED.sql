-- Participants whose display name does not show a first and a last name: fewer than two words of letters, a
-- phone number, or a device / generic name (identity.generic-names); "Last, First" and the accepted prefixes
-- (identity.accepted-prefixes) are identified (ev_name). The host never counts. One per meeting occurrence,
-- with the count and at most five names as shown (a dial-in as "a phone number", never its pseudonym).
-- inputs: participants|dashboard
with people as (
    select meeting_id, start_time, name, name_is_phone, unidentified from ev_presence where not is_host
    union all
    select d.meeting_id, d.start_time, d.name, d.name_is_phone, d.unidentified from ev_dash_presence d
    where not d.is_host
      and not exists (select 1 from (select distinct meeting_id, start_time from ev_presence) p
                      where p.meeting_id = d.meeting_id and p.start_time = d.start_time)
), counted as (
    select p.meeting_id, p.start_time, count(*) as total,
           count(*) filter (where p.unidentified) as unidentified,
           (array_agg(case when p.name_is_phone then jsonb_build_object('key', 'evidence.phone-number')
                           else jsonb_build_object('key', 'evidence.quoted', 'args', jsonb_build_array(p.name)) end
                      order by p.name_is_phone desc, p.name)
               filter (where p.unidentified))[1 : 5] as examples
    from people p
    -- only the occurrences with someone unidentified, a few among the month's
    where (p.meeting_id, p.start_time) in (select meeting_id, start_time from people where unidentified)
    group by p.meeting_id, p.start_time
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       'evidence.PARTICIPANT_UNIDENTIFIED' as evidence_key,
       jsonb_build_array(c.unidentified, c.total, to_jsonb(c.examples),
           case when c.unidentified > 5 then jsonb_build_object('key', 'evidence.more') end) as evidence_args
from counted c
join ev_occurrence o on o.meeting_id = c.meeting_id and o.start_time = c.start_time
where c.unidentified > 0
