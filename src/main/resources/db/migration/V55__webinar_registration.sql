-- Webinar registrations (docs/exports.md, "Webinars"): the registration report's rows, and the registrants of an
-- attendee report who did not attend (Attended = No, `--` for their times). Those who attended are participant
-- joins of the webinar's occurrence (participant_join, with role PANELIST for panelists). Registrants' e-mails are
-- pseudonymised as participants' are; names pass through the sanitiser.
create table webinar_registration (
    id                bigserial   primary key,
    webinar_id        text        not null,
    webinar_start     timestamptz,                      -- the occurrence, when the export gives it
    name              text,                             -- first and last name as registered
    email_pseudonym   text,
    registration_time timestamptz,
    approval_status   text,                             -- APPROVED, PENDING, DENIED... as Zoom writes it, coded
    attended          boolean,                          -- false: an attendee report's absentee; null: not told
    key_version       integer,
    source_file_id    bigint      not null references source_file (id),
    line_number       bigint      not null
);

-- A registration seen again (an overlapping export) is the same webinar, person and registration time.
create unique index webinar_registration_natural_key on webinar_registration
    (webinar_id, email_pseudonym, name, registration_time, webinar_start) nulls not distinct;
create index webinar_registration_source_file on webinar_registration (source_file_id);
