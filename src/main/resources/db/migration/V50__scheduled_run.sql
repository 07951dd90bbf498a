-- Occurrences of the built-in schedule (nightly run, monthly report) claimed by a `serve` instance: the primary key
-- lets exactly one instance run an occurrence, even when several share the database or one catches up at start.
create table scheduled_run (
    schedule_name    text        not null,        -- nightly, monthly-report
    occurrence       timestamptz not null,        -- the cron time the run belongs to
    claimed_by       text        not null,        -- host and process id of the instance that ran it
    claimed_at       timestamptz not null default now(),
    job_execution_id bigint,
    outcome          text,                        -- the execution's status, or why the launch was refused
    primary key (schedule_name, occurrence)
);
