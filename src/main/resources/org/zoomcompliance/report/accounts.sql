-- The Accounts sheet (AccountsSheet): account rules, and the deviations whose subject is a host or an account
-- rather than a meeting (a host outside the contract, which names its first meeting, an outdated client seen at
-- sign-in), plus accounts no group maps to a profile (their groups in the last column).

-- name: accounts
select coalesce(d.host_email, d.subject) as account, coalesce(d.profile, p.profile), d.rule_code, d.evidence,
       d.severity, d.status, null as groups, d.evidence_key, d.evidence_args::text
  from deviation d
  left join account_profile p on p.month = d.month and lower(p.email) = lower(coalesce(d.host_email, d.subject))
 where d.month = :month
   and (d.rule_code like 'ACCOUNT\_%' or d.subject like 'host:%' or d.subject like 'account:%')
union all
select p.email, null, 'NO_PROFILE', null, null, null, array_to_string(p.groups, ', '), null, null
  from account_profile p
 where p.month = :month and p.profile is null
 order by 1, 3
