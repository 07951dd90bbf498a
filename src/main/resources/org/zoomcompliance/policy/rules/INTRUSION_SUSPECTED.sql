-- Zoombombing: a burst of at least intrusion.min-joins first arrivals within intrusion.window-minutes of which at
-- least intrusion.min-unidentified-share are guests or unidentified names; or two people present at the same time
-- under the same display name with different e-mails or addresses (impersonation). One per meeting occurrence.
-- A first arrival is a person's first join of the occurrence: a later join under the same e-mail, or under the
-- same name once that name had left, is a re-join and never counts (two people present at once under one name
-- are two arrivals). The meeting's regular members (the same e-mail, or the same name when it identifies a
-- person, in at least two of the month's occurrences of the meeting ID) are not counted: a community whose
-- members join as guests is not an intrusion. The host is never a suspicious arrival.
-- inputs: participants|dashboard
with joins as (
    select j.meeting_id, j.start_time, j.person, j.email_pseudonym is not null as by_email, j.name, j.name_is_phone,
           j.join_time, j.leave_time, not p.is_host and coalesce(j.guest, false) as guest,
           not p.is_host and j.unidentified as unidentified
    from ev_join j
    join ev_presence p on p.meeting_id = j.meeting_id and p.start_time = j.start_time and p.person = j.person
    where j.join_time is not null
    union all
    select d.meeting_id, d.start_time, d.person, d.email_pseudonym is not null, d.name, d.name_is_phone,
           d.join_time, d.leave_time, false, not p.is_host and d.unidentified
    from ev_dash d
    join ev_dash_presence p on p.meeting_id = d.meeting_id and p.start_time = d.start_time and p.person = d.person
    where d.join_time is not null
      and not exists (select 1 from ev_presence e where e.meeting_id = d.meeting_id and e.start_time = d.start_time)
), regulars as (
    select meeting_id, person
    from joins
    where by_email or not unidentified
    group by meeting_id, person
    having count(distinct start_time) >= 2
), counted as (
    select j.meeting_id, j.start_time, j.name, j.name_is_phone, j.join_time as first_join, j.guest, j.unidentified
    from joins j
    where not exists (select 1 from joins e
                      where e.meeting_id = j.meeting_id and e.start_time = j.start_time and e.person = j.person
                        and e.join_time < j.join_time and (j.by_email or e.leave_time <= j.join_time))
      and not exists (select 1 from regulars r where r.meeting_id = j.meeting_id and r.person = j.person)
), windows as (
    select meeting_id, start_time, first_join,
           count(*) over w as arrivals, count(*) filter (where guest or unidentified) over w as suspicious
    from counted
    window w as (partition by meeting_id, start_time order by first_join
                 range between current row and cast(:window_minutes || ' minutes' as interval) following)
), bursts as (
    select distinct on (meeting_id, start_time) meeting_id, start_time, first_join as from_time, arrivals, suspicious
    from windows
    where arrivals >= :min_joins and suspicious >= :min_share * arrivals
    order by meeting_id, start_time, arrivals desc, first_join
), burst_arrivals as (
    select b.meeting_id, b.start_time, b.from_time, b.arrivals, b.suspicious,
           count(*) filter (where c.guest) as guests,
           (array_agg(case when c.name_is_phone then jsonb_build_object('key', 'evidence.phone-number')
                           else jsonb_build_object('key', 'evidence.quoted', 'args', jsonb_build_array(c.name)) end
                      order by c.first_join, c.name) filter (where c.guest or c.unidentified))[1 : 5] as examples
    from bursts b
    join counted c on c.meeting_id = b.meeting_id and c.start_time = b.start_time and c.first_join >= b.from_time
        and c.first_join <= b.from_time + cast(:window_minutes || ' minutes' as interval)
    group by b.meeting_id, b.start_time, b.from_time, b.arrivals, b.suspicious
), burst_evidence as (
    select meeting_id, start_time,
           jsonb_build_object('key', 'evidence.INTRUSION_SUSPECTED.burst', 'args', jsonb_build_array(arrivals,
               :window_minutes, to_char(from_time at time zone :zone, 'HH24:MI:SS'), suspicious, guests,
               suspicious - guests, to_jsonb(examples),
               case when suspicious > 5 then jsonb_build_object('key', 'evidence.more') end,
               :min_joins, :window_minutes, round(:min_share * 100))) as evidence
    from burst_arrivals
), doubles as (
    select a.meeting_id, a.start_time, a.name, a.name_is_phone, 'e-mails' as what
    from ev_join a
    join ev_join b on b.meeting_id = a.meeting_id and b.start_time = a.start_time and lower(b.name) = lower(a.name)
        and a.email_pseudonym < b.email_pseudonym
        and a.join_time < coalesce(b.leave_time, 'infinity') and b.join_time < coalesce(a.leave_time, 'infinity')
    union
    select a.meeting_id, a.start_time, a.name, a.name_is_phone, 'addresses'
    from ev_dash a
    join ev_dash b on b.meeting_id = a.meeting_id and b.start_time = a.start_time and lower(b.name) = lower(a.name)
        and a.ip_pseudonym < b.ip_pseudonym and a.email_pseudonym is distinct from b.email_pseudonym
        and a.join_time < coalesce(b.leave_time, 'infinity') and b.join_time < coalesce(a.leave_time, 'infinity')
), impersonations as (
    select meeting_id, start_time,
           -- each pair once, in the order of its English text, as before keys
           jsonb_agg(evidence order by text) as evidence
    from (select distinct meeting_id, start_time,
                 'two people present at the same time as '
                     || case when name_is_phone then 'one phone number' else '"' || name || '"' end
                     || ' with different ' || what as text,
                 jsonb_build_object('key', 'evidence.INTRUSION_SUSPECTED.same-name', 'args', jsonb_build_array(
                     case when name_is_phone then jsonb_build_object('key', 'evidence.one-phone-number')
                          else jsonb_build_object('key', 'evidence.quoted', 'args', jsonb_build_array(name)) end,
                     jsonb_build_object('key', case what when 'e-mails'
                         then 'evidence.INTRUSION_SUSPECTED.different-e-mails'
                         else 'evidence.INTRUSION_SUSPECTED.different-addresses' end))) as evidence
          from doubles) d
    group by meeting_id, start_time
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       'evidence.INTRUSION_SUSPECTED' as evidence_key,
       jsonb_build_array(jsonb_build_object('join', 'clause', 'items',
           jsonb_build_array(b.evidence) || coalesce(i.evidence, '[]'))) as evidence_args
from ev_occurrence o
left join burst_evidence b on b.meeting_id = o.meeting_id and b.start_time = o.start_time
left join impersonations i on i.meeting_id = o.meeting_id and i.start_time = o.start_time
where b.evidence is not null or i.evidence is not null
