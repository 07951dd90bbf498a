-- Helpers the policy rules (org/zoomcompliance/policy/rules/*.sql) share, and the indexes that let a month be
-- selected without reading every row. The functions are immutable SQL functions so PostgreSQL inlines them.

-- Lower case without accents, so that "Délibération" matches the term "deliberation" and "secrétariat" reads
-- "secretariat" (which must not match "secret"). unaccent is a contrib extension we cannot count on.
create function zc_fold(value text) returns text language sql immutable parallel safe
return translate(replace(replace(lower(value), 'œ', 'oe'), 'æ', 'ae'),
                 'àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőùúûüūůűÿýžźżšśřťß',
                 'aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooouuuuuuuyyzzzssrts');

-- The words of a value, folded and separated by single spaces: "Jean's iPhone" -> "jean s iphone".
create function zc_words(value text) returns text language sql immutable parallel safe
return btrim(regexp_replace(zc_fold(value), '[^[:alnum:]]+', ' ', 'g'));

-- A client version as numbers, compared part by part: 5.17.11.34827 -> {5,17,11,34827} >= {5,17,0}.
-- Null when the value does not start with a version.
create function zc_version(value text) returns bigint[] language sql immutable parallel safe
return string_to_array(substring(value from '^\s*(\d+(?:\.\d+)*)'), '.')::bigint[];

-- Whether a display name fails to show a first and a last name: a phone number, fewer than two words of
-- letters, or a device or generic name (generic_pattern: an alternation of zc_words of the configured names,
-- matched as whole words). One regular expression each, as it runs on every join of the month.
create function zc_unidentified(name text, is_phone boolean, generic_pattern text) returns boolean
    language sql immutable parallel safe
return coalesce(is_phone, false)
    or regexp_count(coalesce(name, ''), '(^|\s)[[:alpha:]][[:alpha:]''’.-]*(?=\s|$)') < 2
    or coalesce(zc_words(name) ~ generic_pattern, false);

-- Stable subject identifiers and readable times.
create function zc_utc(value timestamptz) returns text language sql immutable parallel safe
return to_char(value at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');

create function zc_local(value timestamptz, zone text) returns text language sql immutable parallel safe
return to_char(value at time zone zone, 'YYYY-MM-DD HH24:MI');

-- A month is selected by meeting start or, for joins whose export gave none, by join time.
create index meeting_start_time on meeting (start_time);
create index participant_join_occurrence on participant_join ((coalesce(meeting_start, join_time)));
create index dashboard_participant_occurrence on dashboard_participant ((coalesce(meeting_start, join_time)));
