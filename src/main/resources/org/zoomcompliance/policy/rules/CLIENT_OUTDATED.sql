-- A client version below the minimum (compared number by number: 5.17.11.34827 is not below 5.17.0), shown as
-- written. The minimum is clients.minimum-version or, when that is zoom-enforced, Zoom's minimum in force on the
-- meeting's (sign-in's) day for the client's platform (ev_client_minimum); a client whose platform the device or
-- client type does not tell is judged against the lowest minimum then in force, and the evidence says so. One per
-- meeting occurrence (dashboard participants, with the count) and one per account (sign-ins).
-- inputs: dashboard|signins
with sign_in_platforms as (
    select t.client_type, min(cp.platform) as platform
    from (select distinct client_type from sign_in where event_time >= :month_start and event_time < :month_end) t
    join ev_client_platform cp on zc_words(t.client_type) ~ cp.pattern
    group by t.client_type
), sign_in_written as materialized (
    -- each version as written once (a month's sign-ins show a handful), read as numbers once below
    select distinct client_version from sign_in where event_time >= :month_start and event_time < :month_end
), sign_in_versions as (
    -- a version that no minimum is above is never outdated: the sign-ins with it (nearly all) are not judged
    select v.client_version, v.version
    from (select client_version, zc_version(client_version) as version from sign_in_written) v
    where v.version < (select max(m.version) from ev_client_minimum m)
), clients as (
    select p.meeting_id, p.start_time, null as email, null::timestamptz as event_time, p.client_version as version,
           p.client_version_written as written, p.platform, (p.start_time at time zone :zone)::date as day
    from ev_dash_presence p
    where p.client_version is not null
    union all
    select null, null, s.email, s.event_time, v.version, btrim(s.client_version), pl.platform,
           (s.event_time at time zone :zone)::date
    from sign_in s
    join sign_in_versions v on v.client_version = s.client_version
    left join sign_in_platforms pl on pl.client_type = s.client_type
    where s.event_time >= :month_start and s.event_time < :month_end and v.version is not null
      -- data-subject restriction (V54, V59)
      and not exists (select 1 from zc_restricted_rows('sign_in') r where r.row_id = s.id)
), minimums as (
    select k.day, k.platform, coalesce(own.version, low.version) as version, coalesce(own.written, low.written) as written,
           own.version is null as lowest
    from (select distinct day, platform from clients) k
    left join lateral (select m.version, m.written from ev_client_minimum m
                       where m.platform in (k.platform, '*') and m.valid_from <= k.day
                       order by m.valid_from desc limit 1) own on true
    left join lateral (select f.version, f.written
                       from (select distinct on (m.platform) m.version, m.written from ev_client_minimum m
                             where m.valid_from <= k.day order by m.platform, m.valid_from desc) f
                       order by f.version limit 1) low on own.version is null
), judged as (
    select c.*, c.version < m.version as outdated, m.written as minimum, m.lowest
    from clients c
    -- a client of no known platform meets the minimums found for none ('' is no platform's name: client-minimums.csv)
    join minimums m on m.day = c.day and coalesce(m.platform, '') = coalesce(c.platform, '')
), details as (
    -- each outdated client once, in the order of its English text (detail), as before keys
    select distinct meeting_id, start_time, lower(email) as email_key,
           written || case when :zoom_enforced
               then ' on ' || coalesce(platform, 'an unknown platform') || ', below ' || minimum
                    || case when lowest then ' (the lowest minimum in force)' else '' end
               else '' end as detail,
           case when :zoom_enforced
               then jsonb_build_object('key', 'evidence.CLIENT_OUTDATED.below', 'args', jsonb_build_array(written,
                   coalesce(to_jsonb(platform), jsonb_build_object('key', 'evidence.CLIENT_OUTDATED.unknown-platform')),
                   minimum, case when lowest then jsonb_build_object('key', 'evidence.CLIENT_OUTDATED.lowest') end))
               else to_jsonb(written) end as detail_args
    from judged
    where outdated
), versions as (
    select meeting_id, start_time, email_key,
           jsonb_build_object('join', case when :zoom_enforced then 'clause' else 'list' end,
                              'items', jsonb_agg(detail_args order by detail)) as versions
    from details
    group by meeting_id, start_time, email_key
), meetings as (
    select j.meeting_id, j.start_time, count(*) as total, count(*) filter (where j.outdated) as outdated, v.versions
    from judged j
    left join versions v on v.meeting_id = j.meeting_id and v.start_time = j.start_time
    where j.meeting_id is not null
    group by j.meeting_id, j.start_time, v.versions
)
select o.subject, o.start_time as occurred_at, o.meeting_id, o.topic, o.host_email, o.host_profile as profile,
       case when :zoom_enforced then 'evidence.CLIENT_OUTDATED.meeting-zoom-minimum' else 'evidence.CLIENT_OUTDATED.meeting' end
           as evidence_key,
       jsonb_build_array(c.outdated, c.total, case when :zoom_enforced
           then to_char(o.start_time at time zone :zone, 'YYYY-MM-DD') else :minimum_version end, c.versions) as evidence_args
from meetings c
join ev_occurrence o on o.meeting_id = c.meeting_id and o.start_time = c.start_time
where c.outdated > 0
union all
select 'account:' || lower(j.email), min(j.event_time), null, null, min(j.email), min(a.profiles[1]),
       case when :zoom_enforced then 'evidence.CLIENT_OUTDATED.account-zoom-minimum' else 'evidence.CLIENT_OUTDATED.account' end,
       case when :zoom_enforced
           then jsonb_build_array(min(j.email), count(*), v.versions, zc_local(max(j.event_time), :zone))
           else jsonb_build_array(min(j.email), count(*), :minimum_version, v.versions,
                                  zc_local(max(j.event_time), :zone)) end
from judged j
left join ev_account a on a.email_key = lower(j.email)
left join versions v on v.meeting_id is null and v.email_key = lower(j.email)
where j.email is not null and j.outdated
group by lower(j.email), v.versions
