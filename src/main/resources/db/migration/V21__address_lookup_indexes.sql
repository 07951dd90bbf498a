-- The forward look-up of an investigation searches the stored address pseudonyms (under each key version).
create index dashboard_participant_ip on dashboard_participant (ip_pseudonym);
create index sign_in_ip on sign_in (ip_pseudonym);
