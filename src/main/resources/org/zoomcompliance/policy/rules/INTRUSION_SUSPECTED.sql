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
    -- the host (ev_presence.is_host) is never a suspicious arrival: looked up in a hash of the occurrences' hosts, a
    -- few thousand rows, rather than by joining a month of joins to a month of presences
    select j.meeting_id, j.start_time, j.person, j.email_pseudonym is not null as by_email, j.name, j.name_is_phone,
           j.join_time, j.leave_time, not h.is_host and coalesce(j.guest, false) as guest,
           not h.is_host and j.unidentified as unidentified
    from ev_join j
    cross join lateral (select (j.meeting_id, j.start_time, j.person) in (
        select p.meeting_id, p.start_time, p.person from ev_presence p where p.is_host and p.person is not null)
        as is_host) h
    where j.join_time is not null and j.person is not null
    union all
    select d.meeting_id, d.start_time, d.person, d.email_pseudonym is not null, d.name, d.name_is_phone,
           d.join_time, d.leave_time, false, not h.is_host and d.unidentified
    from ev_dash d
    cross join lateral (select (d.meeting_id, d.start_time, d.person) in (
        select p.meeting_id, p.start_time, p.person from ev_dash_presence p where p.is_host and p.person is not null)
        as is_host) h
    where d.join_time is not null and d.person is not null
      and not exists (select 1 from (select distinct meeting_id, start_time from ev_presence) e
                      where e.meeting_id = d.meeting_id and e.start_time = d.start_time)
), suspected_meetings as (
    -- a burst needs at least min-unidentified-share x min-joins suspicious arrivals, so as many guest or
    -- unidentified joins in one occurrence: only the meeting IDs with such an occurrence are looked at below (all
    -- their occurrences, which tell their regulars)
    select distinct meeting_id
    from (select meeting_id from joins
          group by meeting_id, start_time
          having count(*) filter (where guest or unidentified) >= :min_share * :min_joins) o
), marked as (
    -- in one sort of the joins by meeting ID and person (byte order: only grouping matters): whether a join is a
    -- re-join (an earlier join under the same e-mail, or under the same name that had left by then) and whether
    -- its person is a regular (in at least two occurrences of the meeting ID by e-mail or an identifying name)
    select j.meeting_id, j.start_time, j.name, j.name_is_phone, j.join_time, j.guest, j.unidentified,
           case when j.by_email then min(j.join_time) over earlier is not null
                else coalesce(min(j.leave_time) over earlier <= j.join_time, false) end as rejoin,
           coalesce(min(j.start_time) filter (where j.by_email or not j.unidentified) over meeting_person
                    < max(j.start_time) filter (where j.by_email or not j.unidentified) over meeting_person,
                    false) as regular
    from joins j
    where j.meeting_id in (select meeting_id from suspected_meetings)
    window meeting_person as (partition by j.meeting_id collate "C", j.person collate "C"),
           -- the person's joins of the occurrence before this one (a frame with an exclusion is summed anew for
           -- each row: kept to one person's few joins, never a whole occurrence)
           earlier as (partition by j.meeting_id collate "C", j.person collate "C", j.start_time order by j.join_time
                       range between unbounded preceding and current row exclude group)
), counted as (
    select j.meeting_id, j.start_time, j.name, j.name_is_phone, j.join_time as first_join, j.guest, j.unidentified
    from marked j
    where not j.rejoin and not j.regular
), windows as (
    select meeting_id, start_time, first_join,
           count(*) over w as arrivals, count(*) filter (where guest or unidentified) over w as suspicious
    from counted
    window w as (partition by meeting_id collate "C", start_time order by first_join
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
), shared_names as (
    -- the names under which two e-mails (addresses) joined one occurrence: the few the pairs below are looked for in
    select j.meeting_id, j.start_time, lower(j.name) as name_key, j.name, j.name_is_phone, j.email_pseudonym,
           null as ip_pseudonym, j.join_time, j.leave_time, 'e-mails' as what
    from ev_join j
    where (j.meeting_id, j.start_time, lower(j.name)) in (
        select meeting_id, start_time, lower(name) from ev_join where email_pseudonym is not null
        group by 1, 2, 3 having min(email_pseudonym collate "C") < max(email_pseudonym collate "C"))
    union all
    select d.meeting_id, d.start_time, lower(d.name), d.name, d.name_is_phone, d.email_pseudonym, d.ip_pseudonym,
           d.join_time, d.leave_time, 'addresses'
    from ev_dash d
    where (d.meeting_id, d.start_time, lower(d.name)) in (
        select meeting_id, start_time, lower(name) from ev_dash where ip_pseudonym is not null
        group by 1, 2, 3 having min(ip_pseudonym collate "C") < max(ip_pseudonym collate "C"))
), doubles as (
    select a.meeting_id, a.start_time, a.name, a.name_is_phone, a.what
    from shared_names a
    join shared_names b on b.meeting_id = a.meeting_id and b.start_time = a.start_time and b.name_key = a.name_key
        and b.what = a.what
        and case a.what when 'e-mails' then a.email_pseudonym < b.email_pseudonym
                 else a.ip_pseudonym < b.ip_pseudonym and a.email_pseudonym is distinct from b.email_pseudonym end
        and a.join_time < coalesce(b.leave_time, 'infinity') and b.join_time < coalesce(a.leave_time, 'infinity')
    group by a.meeting_id, a.start_time, a.name, a.name_is_phone, a.what
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
