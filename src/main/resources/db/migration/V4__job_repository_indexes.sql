-- Indexes Spring Batch's reference recommends for its metadata tables ("Recommendations for Indexing Metadata
-- Tables"), which its schema scripts leave out. Without them every launch joins the executions and instances by
-- scanning, with plans made while the tables were empty: an ingest of a thousand files spent a quarter of its time
-- there.
create index batch_job_execution_instance on batch_job_execution (job_instance_id);
create index batch_job_execution_status on batch_job_execution (status);
create index batch_job_execution_params_execution on batch_job_execution_params (job_execution_id);
create index batch_step_execution_job_execution on batch_step_execution (job_execution_id, step_name);
