-- Zoombombing: a burst of at least intrusion.min-joins joins within intrusion.window-minutes of which at least
-- intrusion.min-unidentified-share are guests or unidentified names; or two people present at the same time
-- under the same display name with different e-mails or addresses (impersonation). One per meeting occurrence.
-- inputs: participants|dashboard
with joins as (
    select j.meeting_id, j.start_time, j.join_time,
           coalesce(j.guest, false) or j.unidentified as suspicious
    from ev_join j
    where j.join_time is not null
), windows as (
    select meeting_id, start_time, join_time,
           count(*) over w as joins, count(*) filter (where suspicious) over w as suspicious
    from joins
    window w as (partition by meeting_id, start_time order by join_time
                 range between current row and cast(:window_minutes || ' minutes' as interval) following)
), bursts as (
    select distinct on (meeting_id, start_time) meeting_id, start_time,
           'burst: ' || joins || ' joins within ' || :window_minutes || ' minutes from '
               || to_char(join_time at time zone :zone, 'HH24:MI:SS') || ', ' || suspicious
               || ' of them guests or unidentified names (thresholds: ' || :min_joins || ' joins within '
               || :window_minutes || ' minutes, ' || round(:min_share * 100) || '%)' as evidence
    from windows
    where joins >= :min_joins and suspicious >= :min_share * joins
    order by meeting_id, start_time, joins desc, join_time
), doubles as (
    select a.meeting_id, a.start_time, a.name, 'e-mails' as what
    from ev_join a
    join ev_join b on b.meeting_id = a.meeting_id and b.start_time = a.start_time and lower(b.name) = lower(a.name)
        and a.email_pseudonym < b.email_pseudonym
        and a.join_time < coalesce(b.leave_time, 'infinity') and b.join_time < coalesce(a.leave_time, 'infinity')
    union
    select a.meeting_id, a.start_time, a.name, 'addresses'
    from ev_dash a
    join ev_dash b on b.meeting_id = a.meeting_id and b.start_time = a.start_time and lower(b.name) = lower(a.name)
        and a.ip_pseudonym < b.ip_pseudonym and a.email_pseudonym is distinct from b.email_pseudonym
        and a.join_time < coalesce(b.leave_time, 'infinity') and b.join_time < coalesce(a.leave_time, 'infinity')
), impersonations as (
    select meeting_id, start_time,
           string_agg(distinct 'two people present at the same time as "' || name || '" with different ' || what, '; ') as evidence
    from doubles
    group by meeting_id, start_time
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       concat_ws('; ', b.evidence, i.evidence) as evidence
from ev_occurrence o
left join bursts b on b.meeting_id = o.meeting_id and b.start_time = o.start_time
left join impersonations i on i.meeting_id = o.meeting_id and i.start_time = o.start_time
where b.evidence is not null or i.evidence is not null
