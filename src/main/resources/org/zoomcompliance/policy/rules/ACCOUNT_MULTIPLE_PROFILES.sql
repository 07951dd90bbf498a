-- An account belongs to groups of more than one profile: every account has exactly one profile.
-- inputs: users
select 'account:' || a.email_key as subject, null::timestamptz as occurred_at, null as meeting_id, null as topic,
       a.email as host_email, a.profiles[1] as profile,
       a.email || ' belongs to the groups ' || array_to_string(a.groups, ', ') || ', which map to '
           || cardinality(a.profiles) || ' profiles (' || array_to_string(a.profiles, ', ')
           || '); an account has exactly one profile' as evidence
from ev_account a
where cardinality(a.profiles) > 1
