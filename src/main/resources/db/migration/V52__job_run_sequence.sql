-- The run numbers of the jobs deliberately re-runnable for one subject (evaluate and report a month), drawn by
-- Spring Batch's DataFieldMaxValueJobParametersIncrementer (see operations/JobIdentities): unique across every
-- process sharing the database. Earlier runs were numbered by the clock's milliseconds, far above these.
create sequence job_run_seq;
