-- The Register sheet (RegisterSheet): the policy the month was evaluated under, the key versions the data holds,
-- the purges of the period.

-- name: policy
select policy_sha256, policy_origin, evaluated_at from evaluation_policy where month = :month

-- name: purges
select table_name, rows_removed, cut_off, purged_at
  from retention_purge
 where purged_at >= :from and purged_at < :to
 order by purged_at, table_name

-- name: transfers-outside
-- the month's meeting occurrences whose media went outside the EU/EEA without an adequacy decision, or to an
-- unknown region (the Transfers sheet lists them first)
select count(distinct (meeting_id, meeting_start)) from meeting_transfer
 where month = :month and region in ('OTHER', 'UNKNOWN')
