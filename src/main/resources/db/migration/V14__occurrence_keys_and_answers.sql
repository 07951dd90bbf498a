-- Natural keys that tell occurrences and sessions apart (docs: zoom-exports.md, "Unique-users exports of a
-- recurring meeting"). A "unique users" row has no join or leave time: only its occurrence's start tells the
-- 09-01 row of a student from the 09-03 one, so the start joins the key of every row without a join time. A row
-- with a join time is placed in its occurrence by that time already, and is keyed without the start: an export
-- without meeting block (no start) and a details export of the same occurrence then still meet on one key.
-- Rows whose start is unknown (null) keep comparing equal to each other, so re-reading such a file adds nothing.
-- Existing rows stay unique: each new key holds the old key's columns and more.
do $$
declare
    name text;
begin
    for name in select conname from pg_constraint
                where conrelid in ('participant_join'::regclass, 'dashboard_participant'::regclass)
                  and contype = 'u'
    loop
        execute format('alter table %s drop constraint %I',
                (select conrelid::regclass from pg_constraint where conname = name), name);
    end loop;
end $$;

create unique index participant_join_natural_key on participant_join
    (meeting_id, name, email_pseudonym, join_time, leave_time, (case when join_time is null then meeting_start end))
    nulls not distinct;

-- A dashboard session is one join of one device: two sessions of one person starting in the same minute differ
-- by their leave time.
create unique index dashboard_participant_natural_key on dashboard_participant
    (meeting_id, name, join_time, leave_time, ip_pseudonym, (case when join_time is null then meeting_start end))
    nulls not distinct;

-- The recording notice as answered (values-disclaimer.csv): ACKNOWLEDGED, REFUSED, NO_ANSWER, or UNKNOWN for a
-- value no table knows (the row is kept, the value counted in unknown_value). Null when the export has no such
-- column. recording_consent keeps what the rules read: true acknowledged, false refused or no answer, null unknown.
alter table participant_join add column recording_response text
    check (recording_response in ('ACKNOWLEDGED', 'REFUSED', 'NO_ANSWER', 'UNKNOWN'));

-- Values a value table does not know, per file and field: the rows are kept with the value unknown, and the
-- Data quality sheet says how many (source_file.reasons).
create table unknown_value (
    source_file_id bigint not null references source_file (id),
    field          text   not null,
    rows           bigint not null,
    primary key (source_file_id, field)
);

-- What the 2020 users layout adds for the rules: status, role and the last client version of each account.
alter table zoom_user add column user_status text, add column role text, add column last_client_version text;
