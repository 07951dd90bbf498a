-- The rows of a table a data-subject restriction leaves out (V54), as a set. A query over a month of rows reads
-- it once, as an anti-join (`not exists (select 1 from zc_restricted_rows('participant_join') r where r.row_id = j.id)`),
-- where zc_restricted would run per row: PostgreSQL cannot inline a function holding a subquery, and a month's
-- million calls cost seconds. The same rows as zc_restricted, which single-row readers keep.
create function zc_restricted_rows(table_name text) returns table (row_id bigint) language sql stable parallel safe
as $$ select r.row_id from subject_restricted_row r where r.table_name = $1 $$;
