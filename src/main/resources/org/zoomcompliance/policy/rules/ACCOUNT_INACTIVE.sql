-- An account's last sign-in (users export, inactive hosts report) is older than
-- retention.inactive-account-days on the date the month is judged at: its data is kept beyond its use.
-- inputs: accounts
with seen as (
    select email_key, email, last_login_time from ev_account
    union all
    select lower(h.email), h.email, h.last_login_time from host_activity h where h.source_file_id = :hosts_file
), last_seen as (
    select email_key, min(email) as email, max(last_login_time) as last_login
    from seen
    group by email_key
    having max(last_login_time) is not null
)
select 'account:' || l.email_key as subject, l.last_login as occurred_at, null as meeting_id, null as topic,
       l.email as host_email, a.profiles[1] as profile,
       'evidence.ACCOUNT_INACTIVE' as evidence_key,
       jsonb_build_array(l.email, to_char(l.last_login at time zone :zone, 'YYYY-MM-DD'),
           cast(:reference_date as date) - (l.last_login at time zone :zone)::date,
           to_char(cast(:reference_date as date), 'YYYY-MM-DD'), :inactive_days) as evidence_args
from last_seen l
left join ev_account a on a.email_key = l.email_key
where cast(:reference_date as date) - (l.last_login at time zone :zone)::date > :inactive_days
