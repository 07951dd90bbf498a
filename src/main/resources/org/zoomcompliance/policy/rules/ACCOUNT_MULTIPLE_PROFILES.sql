-- An account belongs to groups of more than one profile: every account has exactly one profile.
-- inputs: users
select 'account:' || a.email_key as subject, null::timestamptz as occurred_at, null as meeting_id, null as topic,
       a.email as host_email, a.profiles[1] as profile,
       'evidence.ACCOUNT_MULTIPLE_PROFILES' as evidence_key,
       jsonb_build_array(a.email, to_jsonb(a.groups), cardinality(a.profiles), to_jsonb(a.profiles)) as evidence_args
from ev_account a
where cardinality(a.profiles) > 1
