-- The Summary sheet's figures (SummarySheet). Rows under a data-subject restriction (zc_restricted, V54) are left
-- out of every figure.

-- name: meetings
select count(*) from meeting where start_time >= :from and start_time < :to

-- name: participant-sessions
select count(*) from participant_join
 where zc_join_moment(meeting_start, join_time) >= :from and zc_join_moment(meeting_start, join_time) < :to
   and not zc_restricted('participant_join', id)

-- name: dashboard-sessions
-- the month's sessions from the dashboard export, when no participants export gave any
select count(*) from dashboard_participant
 where zc_join_moment(meeting_start, join_time) >= :from and zc_join_moment(meeting_start, join_time) < :to
   and not zc_restricted('dashboard_participant', id)

-- name: hosts
select count(distinct lower(host_email)) from meeting where start_time >= :from and start_time < :to

-- name: cloud-recordings
select count(*) from recording where inventory_date = :inventory

-- name: local-recordings-count
select count(*) from (${local-recordings}) local

-- name: open-by-severity
-- open deviations (NEW, ONGOING: the view open_deviation, see OpenDeviations) by severity
select severity, count(*) from open_deviation where month = :month group by severity
