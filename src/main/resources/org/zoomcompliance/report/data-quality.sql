-- The Data quality sheet (DataQualitySheet): the files that concern the month (docs/months.md), those its
-- evaluation recorded (month_file: the files whose data covers it, those that arrived during it and yielded
-- nothing, the snapshots and inventory it was judged on), and any that concern it and arrived since (judged false).
-- One reason per file, as a key and arguments (docs/data-quality.md) beside its recorded text: the file's own reason
-- when it was refused whole (or its rejected rows were purged), else each reason for rejected rows with its count
-- and first :shown line numbers, then unknown values.

-- name: files
with concerned as (
       select source_file_id as id, true as judged from month_file where month = :month
       union all
       select f, false from zc_month_files(:from, :to, :month, :snapshotLatest) f
        where f not in (select source_file_id from month_file where month = :month)),
     month_file as (select id, bool_or(judged) as judged from concerned group by id)
select f.file_name, f.kind, f.sha256, f.ingested_at, f.rows_read, f.rows_ingested, f.rows_rejected,
       case when q.reasons is null and u.reasons is null then f.reasons_key else 'ingest.reason.summary' end,
       case when q.reasons is null and u.reasons is null then f.reasons_args::text
            else jsonb_build_array(jsonb_build_object('join', 'clause', 'items', jsonb_build_array(
                   case when f.status = 'QUARANTINED'
                        then jsonb_build_object('key', 'ingest.reason.nothing-ingested', 'args', '[]'::jsonb) end,
                   case when f.status not in ('COMPLETED', 'QUARANTINED') and f.reasons is not null
                        then zc_reason_part(f.reasons_key, f.reasons_args, f.reasons) end,
                   q.reasons, u.reasons)))::text end,
       f.reasons,
       f.status, m.judged, f.rows_duplicate
  from source_file f
  join month_file m on m.id = f.id
  left join lateral (select jsonb_build_object('join', 'clause', 'items', jsonb_agg(jsonb_build_object(
                              'key', case when g.n > 1 then 'report.data-quality.reason.lines'
                                          else 'report.data-quality.reason.line' end,
                              'args', jsonb_build_array(zc_reason_part(g.reason_key, g.reason_args, g.reason), g.n,
                                                        g.lines || case when g.n > :shown then ', ...' else '' end))
                              order by g.n desc, g.reason)) as reasons
                       from (select reason_key, reason_args, reason, count(*) as n,
                                    array_to_string((array_agg(line_number order by line_number))[1 : :shown], ', ')
                                      as lines
                               from quarantined_row where source_file_id = f.id
                              group by reason_key, reason_args, reason order by count(*) desc, reason limit 20) g
                     having count(*) > 0) q on true
  left join lateral (select jsonb_build_object('join', 'clause', 'items', jsonb_agg(jsonb_build_object(
                              'key', 'ingest.reason.counted',
                              'args', jsonb_build_array(jsonb_build_object('key', 'ingest.reason.unknown-value',
                                                                           'args', jsonb_build_array(field)), rows))
                              order by rows desc, field)) as reasons
                       from unknown_value where source_file_id = f.id
                     having count(*) > 0) u on true
 order by f.ingested_at, f.file_name
