-- Retention deletes a DPO workbook's file once it is older than retention.report-days, but keeps its registry
-- row (month, version, SHA-256) as evidence that it existed and was purged, and when.
alter table report add column purged_at timestamptz;
