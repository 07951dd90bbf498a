-- Data-subject requests (GDPR articles 15 to 18; docs/subject-rights.md). No table here holds an identifier in
-- clear: a request is known by a keyed hash (HMAC under a key version) of the identifier it gave, and a person
-- to keep out by the keyed pseudonyms of their e-mail, display name and address.

-- A restriction of processing (art. 18): the person's rows stay, but evaluation, the workbooks and the console
-- leave them out until it is lifted. The rows are listed by table and id; zc_restricted is the one filter every
-- query that must leave them out reads.
create table subject_restriction (
    id           bigserial   primary key,
    subject_hash text        not null,
    key_version  integer     not null,
    placed_at    timestamptz not null,
    placed_by    text        not null,
    lifted_at    timestamptz,
    lifted_by    text
);

create table subject_restricted_row (
    restriction_id bigint not null references subject_restriction (id),
    table_name     text   not null,
    row_id         bigint not null,
    primary key (table_name, row_id, restriction_id)
);

create function zc_restricted(table_name text, row_id bigint) returns boolean language sql stable parallel safe
return exists (select 1 from subject_restricted_row r where r.table_name = $1 and r.row_id = $2);

-- An erasure (art. 17): what was removed, never of whom. The receipt is the DPO's record of the answer.
create table subject_erasure (
    id           bigserial   primary key,
    subject_hash text        not null,
    key_version  integer     not null,
    erased_at    timestamptz not null,
    erased_by    text        not null,
    receipt      text        not null
);

-- The deny list: later ingests drop rows of an erased person at the door (ingest/normalise/SubjectDenyList),
-- until the DPO lifts it. kind: EMAIL (the e-mail's pseudonym), NAME (the display name's), ADDRESS (the IP's).
create table subject_deny (
    erasure_id  bigint      not null references subject_erasure (id),
    key_version integer     not null,
    kind        text        not null check (kind in ('EMAIL', 'NAME', 'ADDRESS')),
    hash        text        not null,
    lifted_at   timestamptz,
    primary key (erasure_id, key_version, kind, hash)
);

-- A legal hold: a deviation under investigation whose records an erasure keeps, and why.
create table legal_hold (
    month      date        not null,
    rule_code  text        not null,
    subject    text        not null,
    reason     text        not null,
    placed_at  timestamptz not null,
    placed_by  text        not null,
    primary key (month, rule_code, subject)
);

-- Rectification (art. 16) of what the pipeline derived: the DPO's note on a deviation, kept across
-- re-evaluations (a deviation is its month, rule and subject) and shown beside it in the workbook.
create table deviation_note (
    month      date        not null,
    rule_code  text        not null,
    subject    text        not null,
    note       text        not null,
    noted_at   timestamptz not null,
    noted_by   text        not null,
    primary key (month, rule_code, subject, noted_at)
);

-- A workbook rebuilt after an erasure: the earlier version's file is deleted, its registry row kept and marked.
alter table report add column superseded_reason text;

-- Rows of a file dropped at the door because they hold an erased person (read = ingested + rejected + already
-- present + denied).
alter table source_file add column rows_denied bigint not null default 0;
