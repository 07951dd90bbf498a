-- The period a file's data covers: the earliest and latest moment its rows describe (meetings, joins, events;
-- the day of a snapshot or an inventory), or, for a file that yielded no row, the dates its name or its text
-- show. A file belongs to the months its data covers, and to the month it arrived in (docs/months.md).
alter table source_file add column data_from timestamptz, add column data_to timestamptz;

-- Files ingested by an earlier version: their period from the rows they left (date-only values read at UTC
-- midnight, the server's zone; the writer uses the institution's zone from now on).
with spans as (
    select source_file_id as id, min(start_time) as lo, max(start_time) as hi from meeting group by 1
    union all
    select source_file_id, min(coalesce(join_time, meeting_start)), max(coalesce(join_time, meeting_start))
    from participant_join group by 1
    union all
    select source_file_id, min(coalesce(join_time, meeting_start)), max(coalesce(join_time, meeting_start))
    from dashboard_participant group by 1
    union all
    select source_file_id, min(event_time), max(event_time) from sign_in group by 1
    union all
    select source_file_id, min(event_time), max(event_time) from operation_log group by 1
    union all
    select source_file_id, min(snapshot_date)::timestamptz, max(snapshot_date)::timestamptz from zoom_user group by 1
    union all
    select source_file_id, min(snapshot_date)::timestamptz, max(snapshot_date)::timestamptz from host_activity group by 1
    union all
    select id, inventory_date::timestamptz, inventory_date::timestamptz from source_file where inventory_date is not null
)
update source_file f set data_from = s.lo, data_to = s.hi
from (select id, min(lo) as lo, max(hi) as hi from spans group by id) s
where f.id = s.id;
