-- Sessionisation: the month's facts every rule reads, as temporary tables dropped when the evaluation commits.
-- Bind parameters: :month_start, :month_end (the month in the institution's zone), :lo, :hi (a day wider, for
-- joins placed by time), :zone, :users_file, :inventory_date, :group_profiles, :profile_policies, :generic,
-- :name_prefixes, :client_minimums, :client_platforms. The bounds come from month/MonthWindow; a join is placed in
-- time by zc_join_moment (docs/months.md).
-- Statements are separated by a semicolon at the end of a line.

-- The policy's profiles: which Zoom group maps to which profile, and what each profile may do.
create temp table ev_group_profile on commit drop as
select lower(btrim(split_part(line, E'\t', 1))) as group_key, split_part(line, E'\t', 2) as profile,
       split_part(line, E'\t', 3)::int as ordinal
from unnest(string_to_array(:group_profiles, E'\n')) line;

create temp table ev_profile_policy on commit drop as
select split_part(line, E'\t', 1) as profile, split_part(line, E'\t', 2)::boolean as may_record,
       split_part(line, E'\t', 3)::int as retention_days
from unnest(string_to_array(:profile_policies, E'\n')) line;

create temp table ev_generic on commit drop as
select '(^| )(' || string_agg(zc_words(name), '|') || ')( |$)' as pattern
from unnest(string_to_array(:generic, E'\n')) name;

-- The minimum client versions (ClientMinimums): from a date, per platform ('*': every platform), as written.
create temp table ev_client_minimum on commit drop as
select split_part(line, E'\t', 1)::date as valid_from, split_part(line, E'\t', 2) as platform,
       zc_version(split_part(line, E'\t', 3)) as version, split_part(line, E'\t', 3) as written
from unnest(string_to_array(:client_minimums, E'\n')) line;

-- The words of a device / client type value that name a platform ("iPhone" is iOS, "Mac OS X" macOS).
create temp table ev_client_platform on commit drop as
select '(^| )' || zc_words(split_part(line, E'\t', 1)) || '( |$)' as pattern, split_part(line, E'\t', 2) as platform
from unnest(string_to_array(:client_platforms, E'\n')) line;

-- Accounts of the users export the month is judged with, with the profiles their groups map to.
create temp table ev_account on commit drop as
select u.email, lower(u.email) as email_key, u.groups, nullif(regexp_replace(u.pmi, '\D', '', 'g'), '') as pmi,
       u.last_login_time,
       array(select gp.profile from ev_group_profile gp
             where gp.group_key in (select lower(btrim(g)) from unnest(u.groups) g)
             group by gp.profile, gp.ordinal order by gp.ordinal) as profiles
from zoom_user u
where u.source_file_id = :users_file;

create index on ev_account (email_key);

-- Meeting occurrences: the meetings exports' occurrences, plus those only participants' exports name.
create temp table ev_occurrence (
    meeting_id  text        not null,
    start_time  timestamptz not null,
    end_time    timestamptz,
    topic       text,
    host_email  text,
    host_name   text,
    primary key (meeting_id, start_time)
) on commit drop;

insert into ev_occurrence
select meeting_id, start_time, end_time, topic, host_email, host_name
from meeting
where start_time >= :lo and start_time < :hi;

insert into ev_occurrence (meeting_id, start_time)
select meeting_id, meeting_start from participant_join
where zc_join_moment(meeting_start, join_time) >= :lo and zc_join_moment(meeting_start, join_time) < :hi
  and meeting_start is not null
union
select meeting_id, meeting_start from dashboard_participant
where zc_join_moment(meeting_start, join_time) >= :lo and zc_join_moment(meeting_start, join_time) < :hi
  and meeting_start is not null
on conflict do nothing;

analyze ev_occurrence;

-- Whether each display name of the month identifies a person, decided once per distinct name: people attend
-- many meetings under the same name, and the test takes three regular expressions. An accepted prefix
-- (identity.accepted-prefixes, "005_") is not part of the name, and "Last, First" shows both names. The dashboard
-- table keeps no phone flag: a dial-in's name is stored as its pseudonym, 32 hexadecimal digits, which no
-- display name has.
create temp table ev_name on commit drop as
select n.name, n.name_is_phone,
       zc_unidentified(translate(case when :name_prefixes = '' then n.name else regexp_replace(n.name, :name_prefixes, '') end,
                                 ',', ' '), n.name_is_phone, g.pattern) as unidentified
from (select j.name, j.name_is_phone from participant_join j
      where zc_join_moment(j.meeting_start, j.join_time) >= :lo and zc_join_moment(j.meeting_start, j.join_time) < :hi
        -- data-subject restriction (V54, V59)
        and not exists (select 1 from zc_restricted_rows('participant_join') r where r.row_id = j.id)
      union
      select d.name, d.name ~ '^[0-9a-f]{32}$' from dashboard_participant d
      where zc_join_moment(d.meeting_start, d.join_time) >= :lo and zc_join_moment(d.meeting_start, d.join_time) < :hi
        -- data-subject restriction (V54, V59)
        and not exists (select 1 from zc_restricted_rows('dashboard_participant') r where r.row_id = d.id)) n
cross join ev_generic g;

analyze ev_name;

-- Each join placed in its occurrence: the export's meeting start, else the occurrence of that ID whose window
-- (start minus 30 minutes to end plus 30 minutes) contains the join, else the first join of that ID that day.
-- A person is their e-mail, else their display name.
create temp table ev_join on commit drop as
select j.meeting_id, j.name, j.role, j.email_pseudonym, coalesce(j.email_pseudonym, 'name:' || lower(j.name)) as person,
       j.name_is_phone, j.join_time, j.leave_time,
       j.duration_minutes, j.guest, j.recording_consent, j.in_waiting_room,
       n.unidentified,
       coalesce(j.meeting_start,
                (select max(o.start_time) from ev_occurrence o
                 where o.meeting_id = j.meeting_id and o.start_time <= j.join_time + interval '30 minutes'
                   and (o.end_time is null or j.join_time <= o.end_time + interval '30 minutes'))) as start_time
from participant_join j
join ev_name n on n.name = j.name and n.name_is_phone = j.name_is_phone
where zc_join_moment(j.meeting_start, j.join_time) >= :lo and zc_join_moment(j.meeting_start, j.join_time) < :hi
  -- data-subject restriction (V54, V59)
  and not exists (select 1 from zc_restricted_rows('participant_join') r where r.row_id = j.id);

update ev_join j set start_time = f.start_time
from (select meeting_id, (join_time at time zone :zone)::date as day, min(join_time) as start_time
      from ev_join where start_time is null group by 1, 2) f
where j.start_time is null and f.meeting_id = j.meeting_id and f.day = (j.join_time at time zone :zone)::date;

create temp table ev_dash on commit drop as
select d.meeting_id, d.name, d.name ~ '^[0-9a-f]{32}$' as name_is_phone, d.role, d.email_pseudonym,
       coalesce(d.email_pseudonym, 'name:' || lower(d.name)) as person, d.ip_pseudonym, d.device, d.data_centre,
       d.join_time, d.leave_time, d.recording, d.client_version, coalesce(n.unidentified, true) as unidentified,
       coalesce(d.meeting_start,
                (select max(o.start_time) from ev_occurrence o
                 where o.meeting_id = d.meeting_id and o.start_time <= d.join_time + interval '30 minutes'
                   and (o.end_time is null or d.join_time <= o.end_time + interval '30 minutes'))) as start_time
from dashboard_participant d
left join ev_name n on n.name = d.name and n.name_is_phone = (d.name ~ '^[0-9a-f]{32}$')
where zc_join_moment(d.meeting_start, d.join_time) >= :lo and zc_join_moment(d.meeting_start, d.join_time) < :hi
  -- data-subject restriction (V54, V59)
  and not exists (select 1 from zc_restricted_rows('dashboard_participant') r where r.row_id = d.id);

update ev_dash d set start_time = f.start_time
from (select meeting_id, (join_time at time zone :zone)::date as day, min(join_time) as start_time
      from ev_dash where start_time is null group by 1, 2) f
where d.start_time is null and f.meeting_id = d.meeting_id and f.day = (d.join_time at time zone :zone)::date;

insert into ev_occurrence (meeting_id, start_time)
select meeting_id, start_time from ev_join where start_time is not null
union
select meeting_id, start_time from ev_dash where start_time is not null
on conflict do nothing;

-- Only the month's occurrences remain: a meeting belongs to the month it started in.
delete from ev_occurrence where start_time < :month_start or start_time >= :month_end;

delete from ev_join j where not exists (
    select 1 from ev_occurrence o where o.meeting_id = j.meeting_id and o.start_time = j.start_time);

delete from ev_dash d where not exists (
    select 1 from ev_occurrence o where o.meeting_id = d.meeting_id and o.start_time = d.start_time);

-- Statistics before the presences group them: without, the planner takes a month of joins for a few rows.
analyze ev_join;

analyze ev_dash;

-- The host of each occurrence: the meeting's host, else the participant tagged (Host).
update ev_occurrence o set host_name = h.name
from (select distinct on (meeting_id, start_time) meeting_id, start_time, name
      from (select meeting_id, start_time, name from ev_join where role = 'HOST'
            union all select meeting_id, start_time, name from ev_dash where role = 'HOST') tagged
      order by meeting_id, start_time, name) h
where o.host_name is null and h.meeting_id = o.meeting_id and h.start_time = o.start_time;

-- Newer participants exports name the host without an e-mail: take it from the same meeting ID's other
-- occurrences, else from its cloud recordings.
update ev_occurrence o set host_email = coalesce(
    (select m.host_email from meeting m where m.meeting_id = o.meeting_id and m.host_email is not null
     order by abs(extract(epoch from m.start_time - o.start_time)) limit 1),
    (select r.host_email from recording r where r.meeting_id = o.meeting_id and r.host_email is not null
     order by abs(extract(epoch from r.start_time - o.start_time)), r.inventory_date desc limit 1))
where o.host_email is null;

alter table ev_occurrence add column subject text, add column local_start text, add column host_profile text;

update ev_occurrence o set
    subject = 'occurrence:' || o.meeting_id || '@' || zc_utc(o.start_time),
    local_start = zc_local(o.start_time, :zone),
    host_profile = (select a.profiles[1] from ev_account a where a.email_key = lower(o.host_email));

analyze ev_occurrence;

-- One presence per person and occurrence: re-joins merged (earliest join, latest leave, summed minutes). The
-- host: tagged (Host), named as the meeting's host, or (e-mails kept in clear) with the host's e-mail.
create temp table ev_presence on commit drop as
select j.meeting_id, j.start_time, j.person,
       min(j.name) as name, bool_or(j.name_is_phone) as name_is_phone, bool_and(j.unidentified) as unidentified,
       coalesce(bool_or(j.role = 'HOST' or lower(j.name) = lower(o.host_name) or j.email_pseudonym = lower(o.host_email)),
                false) as is_host,
       bool_or(j.role = 'CO_HOST') as is_co_host, bool_or(j.guest) as guest,
       bool_or(j.recording_consent) as consent, bool_or(j.recording_consent is not null) as consent_known,
       bool_or(j.in_waiting_room) as waiting_room, min(j.join_time) as first_join, max(j.leave_time) as last_leave,
       sum(j.duration_minutes) as minutes, count(*) as joins
from ev_join j
join ev_occurrence o on o.meeting_id = j.meeting_id and o.start_time = j.start_time
group by j.meeting_id, j.start_time, j.person;

-- The same for dashboard participants, with each one's oldest client: its version as numbers, as written, and
-- the platform its device tells (null when it tells none).
create temp table ev_dash_presence on commit drop as
select d.meeting_id, d.start_time, d.person, min(d.name) as name, bool_or(d.name_is_phone) as name_is_phone,
       bool_and(d.unidentified) as unidentified, min(d.join_time) as first_join,
       coalesce(bool_or(d.role = 'HOST' or (d.role is null and (lower(d.name) = lower(o.host_name)
                                                                or d.email_pseudonym = lower(o.host_email)))),
                false) as is_host,
       bool_or(d.role = 'CO_HOST') as is_co_host, bool_or(d.recording) as recording,
       min(v.version) as client_version,
       (array_agg(btrim(d.client_version) order by v.version nulls last))[1] as client_version_written,
       (array_agg(pl.platform order by v.version nulls last))[1] as platform
from ev_dash d
join ev_occurrence o on o.meeting_id = d.meeting_id and o.start_time = d.start_time
left join (select client_version, zc_version(client_version) as version
           from ev_dash group by client_version) v on v.client_version = d.client_version
left join (select dv.device, min(cp.platform) as platform
           from (select distinct device from ev_dash) dv
           join ev_client_platform cp on zc_words(dv.device) ~ cp.pattern
           group by dv.device) pl on pl.device = d.device
group by d.meeting_id, d.start_time, d.person;

-- The month's occurrences the history meetings report (pulled only) shows recorded or with the waiting room.
create temp table ev_history on commit drop as
select h.meeting_id, h.start_time, h.cloud_recording, h.local_recording, h.waiting_room
from history_meeting h
join ev_occurrence o on o.meeting_id = h.meeting_id and o.start_time = h.start_time;

-- Answers to the month's meetings' notices (the disclaimer report, pulled only), placed in their occurrence and
-- matched to a person as joins are: the report's meeting start, else the occurrence whose window holds the answer;
-- the e-mail, else the display name.
create temp table ev_disclaimer on commit drop as
select d.meeting_id, coalesce(d.email_pseudonym, 'name:' || lower(d.name)) as person, d.notice, d.consent,
       coalesce(d.meeting_start,
                (select max(o.start_time) from ev_occurrence o
                 where o.meeting_id = d.meeting_id and o.start_time <= d.response_time + interval '30 minutes'
                   and (o.end_time is null or d.response_time <= o.end_time + interval '30 minutes'))) as start_time
from disclaimer_response d
where coalesce(d.meeting_start, d.response_time) >= :lo and coalesce(d.meeting_start, d.response_time) < :hi
  and not exists (select 1 from zc_restricted_rows('disclaimer_response') r where r.row_id = d.id);

delete from ev_disclaimer d where not exists (
    select 1 from ev_occurrence o where o.meeting_id = d.meeting_id and o.start_time = d.start_time);

-- Recordings still listed in the newest recordings export of the period, with their host and its profile.
create temp table ev_recording on commit drop as
select r.meeting_id, r.start_time, r.topic, r.inventory_date, r.file_count, r.file_size_mb,
       coalesce(r.host_email, m.host_email) as host_email,
       'recording:' || r.meeting_id || '@' || coalesce(zc_utc(r.start_time), 'unknown') as subject
from recording r
left join lateral (select host_email from meeting m
                   where m.meeting_id = r.meeting_id and m.host_email is not null
                   order by abs(extract(epoch from m.start_time - r.start_time)) limit 1) m on true
where r.inventory_date = :inventory_date;

alter table ev_recording add column host_profile text;

update ev_recording r set host_profile = (select a.profiles[1] from ev_account a where a.email_key = lower(r.host_email));

-- Where each data centre is: filled from data-centres.csv for the values the month's dashboard holds.
create temp table ev_data_centre (
    data_centre text primary key,
    country     text,
    region      text not null
) on commit drop;

analyze ev_presence;

analyze ev_dash_presence;

analyze ev_disclaimer
