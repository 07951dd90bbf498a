-- The facts each month was evaluated on (docs/months.md), written by the evaluation in its transaction and read
-- by every output (workbook, console, command line) instead of being worked out again. The policy of the same
-- evaluation is evaluation_policy's row of the same month.
create table month_facts (
    month                      date        primary key,    -- first day of the month
    has_input                  boolean     not null,       -- false: no export covers the month, not evaluated
    zone                       text,                       -- the institution's zone the bounds were taken in
    month_start                timestamptz,
    month_end                  timestamptz,                -- excluded
    reference_date             date,                       -- the month's last day
    snapshot_oldest            date,                       -- users / hosts snapshots considered: from ...
    snapshot_latest            date,                       -- ... to (an undated export is dated when ingested)
    users_file_id              bigint,                     -- the users snapshot used (source_file), if any
    users_date                 date,
    hosts_file_id              bigint,                     -- the active / inactive hosts snapshot used, if any
    hosts_date                 date,
    inventory_date             date,                       -- the recordings inventory used (may list nothing)
    evaluated_at               timestamptz not null,
    recordings_checked_on      date,                       -- the last retention check of the month's recordings
    recordings_check_inventory date                        -- and the inventory it judged
);

-- The files that concern the month as the evaluation saw them: their data covers it, they arrived during it and
-- yielded nothing, or they are the snapshot or inventory it was judged on.
create table month_file (
    month          date   not null references month_facts (month) on delete cascade,
    source_file_id bigint not null,
    primary key (month, source_file_id)
);

-- Open deviations: those still true in their month. RESOLVED rows ("no longer observed") are shown apart.
create view open_deviation as select * from deviation where status in ('NEW', 'ONGOING');

-- The moment that places a join in a month: its occurrence's start when the export gives it, else its join time
-- (a meeting belongs to the month it started in). Inlined by PostgreSQL, so the indexes of V30 still serve it.
create function zc_join_moment(meeting_start timestamptz, join_time timestamptz) returns timestamptz
    language sql immutable parallel safe
return coalesce(meeting_start, join_time);

-- The files that concern a month (docs/months.md, "Files"): the period of their data touches it, they arrived
-- during it and yielded nothing, or they are users or hosts snapshots dated in the window that may describe it.
create function zc_month_files(month_start timestamptz, month_end timestamptz, snapshot_first date,
                               snapshot_last date) returns setof bigint
    language sql stable
begin atomic
    select id from source_file where data_from < month_end and data_to >= month_start
    union
    select id from source_file where ingested_at >= month_start and ingested_at < month_end
        and (status <> 'COMPLETED' or rows_ingested + rows_duplicate = 0)
    union
    select id from source_file where kind in ('USERS', 'HOST_ACTIVITY')
        and inventory_date >= snapshot_first and inventory_date <= snapshot_last;
end;

-- Months evaluated by an earlier version: evaluated when a rule ran, judged on the recordings inventory dated
-- within the month (as evaluation chose it then); the other facts were not kept.
insert into month_facts (month, has_input, inventory_date, evaluated_at)
select e.month, bool_or(e.evaluated),
       (select max(d) from (select inventory_date as d from source_file
                            where kind ilike '%recording%' and status = 'COMPLETED'
                            union all select inventory_date from recording) i
        where d >= e.month and d < (e.month + interval '1 month')::date),
       coalesce((select p.evaluated_at from evaluation_policy p where p.month = e.month), now())
from rule_evaluation e
group by e.month;
