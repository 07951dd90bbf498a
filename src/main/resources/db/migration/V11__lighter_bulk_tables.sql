-- The three bulk tables take over a million rows a month, and each index or per-row check is paid on every one.
-- Their source_file_id is not checked by a foreign key: the check is a lookup per row (a third of the insert's
-- time), only the ingest writes these rows, and source_file records are never deleted. Indexes whose columns
-- lead the natural key's index already are dropped: that index serves the same lookups.
alter table participant_join drop constraint participant_join_source_file_id_fkey;
alter table dashboard_participant drop constraint dashboard_participant_source_file_id_fkey;
alter table sign_in drop constraint sign_in_source_file_id_fkey;
drop index participant_join_meeting;
drop index dashboard_participant_meeting;
drop index sign_in_time;
