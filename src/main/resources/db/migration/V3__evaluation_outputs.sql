-- Facts the evaluate job derives for a month and the DPO workbook shows: written by evaluation (replaced when a
-- month is re-evaluated), read by the report. Both carry the month they describe (first day of the month).

-- The profile each known account has in the month, from the newest users export and the policy's group mapping.
create table account_profile (
    month    date not null,
    email    text not null,
    profile  text,                 -- null: no group maps to a profile
    groups   text[] not null default '{}',
    primary key (month, email)
);

-- Where each meeting's media went: one row per meeting occurrence and data centre (Transfers sheet).
create table meeting_transfer (
    month         date        not null,
    meeting_id    text        not null,
    meeting_start timestamptz not null,
    host_email    text,
    data_centre   text        not null,   -- as exported, e.g. "Germany (FR)", "SC (Top)"
    country       text,                   -- ISO 3166 code, null when UNKNOWN
    region        text        not null,   -- EU_EEA, ADEQUATE, OTHER or UNKNOWN
    participants  integer     not null,
    primary key (month, meeting_id, meeting_start, data_centre)
);
