-- Two reports only Zoom's API gives (docs/exports.md, "Pulled only"); pulled per day like the sign-ins.

-- The history meetings report (report/history_meetings): a meeting occurrence and the features used in it. The
-- occurrence itself also lands in `meeting` (its host, topic, times); this table keeps what only the report tells:
-- the features as written (sanitised), and the three the rules read, told at the door by value-readings.csv
-- (feature table). Hosts stay in clear, as in `meeting`; the report names no participant.
create table history_meeting (
    id              bigserial   primary key,
    meeting_id      text        not null,
    start_time      timestamptz not null,
    end_time        timestamptz,
    host_email      text,
    features        text[]      not null default '{}',
    cloud_recording boolean     not null,
    local_recording boolean     not null,
    waiting_room    boolean     not null,
    source_file_id  bigint      not null references source_file (id),
    line_number     bigint      not null
);

-- An occurrence seen again (a day pulled again after a partial failure) is the same occurrence.
create unique index history_meeting_natural_key on history_meeting (meeting_id, start_time);
create index history_meeting_source_file on history_meeting (source_file_id);

-- The disclaimer report (report/disclaimer): who answered which notice of which meeting, and how. A person's own
-- rows: e-mails pseudonymised as participants' are, names sanitised; the answer read through value-readings.csv
-- (disclaimer table) as the participants report's disclaimer column is.
create table disclaimer_response (
    id              bigserial   primary key,
    meeting_id      text        not null,
    meeting_start   timestamptz,                        -- the occurrence, when the report gives it
    name            text,
    email_pseudonym text,
    notice          text,                               -- the disclaimer's type, coded: RECORDING, ENTRY...
    response        text,                               -- ACKNOWLEDGED, REFUSED, NO_ANSWER, UNKNOWN
    consent         boolean,                            -- acknowledged: true; refused or no answer: false
    response_time   timestamptz,
    key_version     integer,
    source_file_id  bigint      not null references source_file (id),
    line_number     bigint      not null
);

create unique index disclaimer_response_natural_key on disclaimer_response
    (meeting_id, meeting_start, notice, email_pseudonym, name, response_time) nulls not distinct;
create index disclaimer_response_source_file on disclaimer_response (source_file_id);
