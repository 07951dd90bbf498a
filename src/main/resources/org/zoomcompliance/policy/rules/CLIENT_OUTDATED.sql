-- A client version below clients.minimum-version (compared number by number: 5.17.11.34827 is not below
-- 5.17.0). One per meeting occurrence (dashboard participants, with the count) and one per account (sign-ins).
-- inputs: dashboard|signins
with minimum as (select zc_version(:minimum_version) as version),
meetings as (
    select p.meeting_id, p.start_time, count(p.client_version) as total,
           count(*) filter (where p.client_version < m.version) as outdated,
           string_agg(distinct array_to_string(p.client_version, '.'), ', ') filter (where p.client_version < m.version) as versions
    from ev_dash_presence p cross join minimum m
    group by p.meeting_id, p.start_time
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       c.outdated || ' of ' || c.total || ' participants used a client older than ' || :minimum_version || ' ('
           || c.versions || ')' as evidence
from meetings c
join ev_occurrence o on o.meeting_id = c.meeting_id and o.start_time = c.start_time
where c.outdated > 0
union all
select 'account:' || lower(s.email), min(s.event_time), null, null, min(s.email), min(a.profiles[1]),
       min(s.email) || ' signed in ' || count(*) || ' time(s) with a client older than ' || :minimum_version || ' ('
           || string_agg(distinct s.client_version, ', ') || '), the last on ' || zc_local(max(s.event_time), :zone)
from sign_in s
join (select v.client_version
      from (select distinct client_version from sign_in
            where event_time >= :month_start and event_time < :month_end) v
      cross join minimum m
      where zc_version(v.client_version) < m.version) outdated on outdated.client_version = s.client_version
left join ev_account a on a.email_key = lower(s.email)
where s.event_time >= :month_start and s.event_time < :month_end
group by lower(s.email)
