-- Definitions more than one sheet of the workbook reads, said once (taken in as ${name} by SheetSql).

-- name: local-recordings
-- One row per locally recorded meeting occurrence of the month (dashboard Recording = yes); rows under a
-- data-subject restriction (zc_restricted_rows, V54, V59) are left out.
select d.meeting_id, coalesce(d.meeting_start, min(d.join_time)) as recorded
  from dashboard_participant d
 where d.recording
   and zc_join_moment(d.meeting_start, d.join_time) >= :from
   and zc_join_moment(d.meeting_start, d.join_time) < :to
   and not exists (select 1 from zc_restricted_rows('dashboard_participant') r where r.row_id = d.id)
 group by d.meeting_id, d.meeting_start

-- name: rule-evaluation
-- Per rule: whether it ran for the month, else why not.
select rule_code, evaluated, reason from rule_evaluation where month = :month
