-- The Summary sheet's figures (SummarySheet). Rows under a data-subject restriction (zc_restricted_rows, V54,
-- V59) are left out of every figure.

-- name: meetings
select count(*) from meeting where start_time >= :from and start_time < :to

-- name: participant-sessions
select count(*) from participant_join j
 where zc_join_moment(j.meeting_start, j.join_time) >= :from and zc_join_moment(j.meeting_start, j.join_time) < :to
   and not exists (select 1 from zc_restricted_rows('participant_join') r where r.row_id = j.id)

-- name: dashboard-sessions
-- the month's sessions from the dashboard export, when no participants export gave any
select count(*) from dashboard_participant d
 where zc_join_moment(d.meeting_start, d.join_time) >= :from and zc_join_moment(d.meeting_start, d.join_time) < :to
   and not exists (select 1 from zc_restricted_rows('dashboard_participant') r where r.row_id = d.id)

-- name: hosts
select count(distinct lower(host_email)) from meeting where start_time >= :from and start_time < :to

-- name: cloud-recordings
select count(*) from recording where inventory_date = :inventory

-- name: local-recordings-count
select count(*) from (${local-recordings}) local

-- name: open-by-severity
-- open deviations (NEW, ONGOING: the view open_deviation, see OpenDeviations) by severity
select severity, count(*) from open_deviation where month = :month group by severity

-- name: policy-sha256
-- the SHA-256 of the effective policy values the month was evaluated under
select policy_sha256 from evaluation_policy where month = :month

-- name: open-high-per-rule
-- the month's open HIGH deviations per rule, most first
select rule_code, count(*) from open_deviation where month = :month and severity = 'HIGH'
 group by rule_code order by count(*) desc, rule_code

-- name: top-hosts
-- the hosts with the most open deviations, then the most HIGH ones
select host_email, count(*), count(*) filter (where severity = 'HIGH')
  from open_deviation
 where month = :month and host_email is not null
 group by host_email
 order by count(*) desc, count(*) filter (where severity = 'HIGH') desc, host_email
 limit :hosts
