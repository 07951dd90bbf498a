-- The pipeline's own tables. Every timestamp is timestamptz: export wall-clock times are resolved in the
-- institution's zone at ingest. No column ever holds a clear IP address: addresses arrive here only as keyed
-- pseudonyms (*_pseudonym) with the key version that made them.

-- One row per distinct export content (SHA-256): the "Data quality" record.
create table source_file (
    id               bigserial primary key,
    sha256           char(64)    not null unique,
    file_name        text        not null,
    kind             text        not null,              -- see org.zoomcompliance.ingest.ExportKind, or UNKNOWN
    layout           text,
    language         text,
    inventory_date   date,                              -- date in the file name (recordings, users), if any
    status           text        not null,              -- INGESTING, COMPLETED, QUARANTINED, FAILED
    rows_read        bigint      not null default 0,
    rows_ingested    bigint      not null default 0,
    rows_rejected    bigint      not null default 0,
    rows_duplicate   bigint      not null default 0,    -- rows already present (same natural key)
    reasons          text,                              -- human-readable summary of rejections / quarantine
    ingested_at      timestamptz not null default now(),
    finished_at      timestamptz,
    job_execution_id bigint
);

-- A meeting occurrence: recurring meetings share meeting_id and differ by start_time.
create table meeting (
    id               bigserial primary key,
    meeting_id       text        not null,              -- digits only
    start_time       timestamptz not null,
    end_time         timestamptz,
    topic            text,
    host_name        text,
    host_email       text,                              -- hosts stay in clear: the DPO must reach organisers
    duration_minutes integer,
    participants     integer,
    meeting_type     text,
    source_file_id   bigint      not null references source_file (id),
    unique (meeting_id, start_time)
);

-- One row per participant join, from participants and meeting-details exports (they overlap: same key).
create table participant_join (
    id                bigserial primary key,
    meeting_id        text        not null,
    meeting_start     timestamptz,                      -- occurrence start when the export gives it
    name              text        not null,             -- current display name, role tags removed
    original_name     text,
    role              text,                             -- HOST, CO_HOST or null
    email_pseudonym   text,                             -- participant e-mails are pseudonymised
    name_is_phone     boolean     not null default false, -- name then holds a pseudonym
    join_time         timestamptz,                      -- null in "unique users" exports
    leave_time        timestamptz,
    duration_minutes  integer,
    guest             boolean,
    recording_consent boolean,
    in_waiting_room   boolean,
    key_version       integer,
    source_file_id    bigint      not null references source_file (id),
    line_number       bigint      not null,
    unique nulls not distinct (meeting_id, name, email_pseudonym, join_time, leave_time)
);
create index participant_join_meeting on participant_join (meeting_id, join_time);

-- Dashboard participants: the only export with address, location, data centre, client version, recording.
create table dashboard_participant (
    id                   bigserial primary key,
    meeting_id           text        not null,
    meeting_start        timestamptz,
    name                 text        not null,
    email_pseudonym      text,
    role                 text,
    device               text,
    ip_pseudonym         text,
    ip_network_pseudonym text,
    ip_valid             boolean,
    key_version          integer,
    location_country     text,                          -- the country only: the city is dropped at ingest
    network_type         text,
    data_centre          text,
    connection_type      text,
    join_time            timestamptz,
    leave_time           timestamptz,
    recording            boolean,
    client_version       text,
    leave_reason         text,
    source_file_id       bigint      not null references source_file (id),
    line_number          bigint      not null,
    unique nulls not distinct (meeting_id, name, join_time, ip_pseudonym)
);
create index dashboard_participant_meeting on dashboard_participant (meeting_id, join_time);

-- Cloud recordings listed in a recordings export, as of that export's inventory date.
create table recording (
    id               bigserial primary key,
    inventory_date   date        not null,
    meeting_id       text        not null,
    topic            text,
    host_email       text,
    start_time       timestamptz,
    file_size_mb     numeric,
    file_count       integer,
    total_views      integer,
    total_downloads  integer,
    last_accessed    timestamptz,
    auto_delete_date date,
    source_file_id   bigint      not null references source_file (id),
    unique nulls not distinct (inventory_date, meeting_id, start_time)
);

create table sign_in (
    id                   bigserial primary key,
    event_time           timestamptz not null,
    email                text        not null,          -- an account of the institution: kept in clear
    event_type           text,                          -- SIGN_IN or SIGN_OUT
    ip_pseudonym         text,
    ip_network_pseudonym text,
    ip_valid             boolean,
    key_version          integer,
    client_type          text,
    client_version       text,
    source_file_id       bigint      not null references source_file (id),
    line_number          bigint      not null,
    unique nulls not distinct (event_time, email, event_type, ip_pseudonym)
);
create index sign_in_time on sign_in (event_time);

create table operation_log (
    id             bigserial primary key,
    event_time     timestamptz not null,
    operator       text,
    category_type  text,
    action         text,
    detail         text,
    source_file_id bigint      not null references source_file (id),
    line_number    bigint      not null,
    unique nulls not distinct (event_time, operator, category_type, action, detail)
);

-- Users export: one snapshot per file. Names are not kept (minimisation): the rules need e-mail, groups, PMI.
create table zoom_user (
    id              bigserial primary key,
    snapshot_date   date        not null,
    email           text        not null,
    user_type       text,
    department      text,
    groups          text[]      not null default '{}',
    last_login_time timestamptz,
    pmi             text,
    source_file_id  bigint      not null references source_file (id),
    unique (source_file_id, email)
);

-- Active / inactive hosts report.
create table host_activity (
    id                  bigserial primary key,
    snapshot_date       date        not null,
    email               text        not null,
    user_type           text,
    department          text,
    meetings            integer,
    participants        integer,
    meeting_minutes     integer,
    last_client_version text,
    last_login_time     timestamptz,
    create_time         timestamptz,
    source_file_id      bigint      not null references source_file (id),
    unique (source_file_id, email)
);

-- Rows that could not be read: kept with file, line and reason; address-like values are pseudonymised.
create table quarantined_row (
    id             bigserial primary key,
    source_file_id bigint      not null references source_file (id),
    line_number    bigint      not null,
    reason         text        not null,
    content        text,
    quarantined_at timestamptz not null default now(),
    unique (source_file_id, line_number)
);

-- The deviations register: one row per month, rule and subject (re-evaluation replaces, never duplicates).
create table deviation (
    id            bigserial primary key,
    month         date        not null,                 -- first day of the month
    rule_code     text        not null,
    subject       text        not null,                 -- meeting+occurrence, recording, account...
    severity      text        not null,                 -- HIGH, MEDIUM, LOW
    status        text        not null,                 -- NEW, ONGOING, RESOLVED
    occurred_at   timestamptz,
    meeting_id    text,
    topic         text,
    host_email    text,
    profile       text,
    evidence      text        not null,
    evaluated_at  timestamptz not null default now(),
    unique (month, rule_code, subject)
);
create index deviation_month on deviation (month, rule_code);

-- Which rules ran for a month, and why one did not ("not evaluated" is never a silent zero).
create table rule_evaluation (
    month           date        not null,
    rule_code       text        not null,
    evaluated       boolean     not null,
    reason          text,
    deviation_count integer     not null default 0,
    evaluated_at    timestamptz not null default now(),
    primary key (month, rule_code)
);

-- Evidence that the pipeline deletes its own data on schedule (the workbook's Register sheet).
create table retention_purge (
    id               bigserial primary key,
    purged_at        timestamptz not null default now(),
    table_name       text        not null,
    rows_removed     bigint      not null,
    cut_off          timestamptz not null,
    job_execution_id bigint
);

-- Every DPO workbook produced, by month and version.
create table report (
    id               bigserial primary key,
    month            date        not null,
    version          integer     not null,
    path             text        not null,
    sha256           char(64)    not null,
    size_bytes       bigint      not null,
    generated_at     timestamptz not null default now(),
    job_execution_id bigint,
    unique (month, version)
);

-- Append-only audit trail of downloads and job control (who, when, what).
create table audit_event (
    id        bigserial primary key,
    at        timestamptz not null default now(),
    actor     text        not null,
    action    text        not null,
    target    text,
    sha256    char(64),
    detail    text
);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;

create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
