-- A deviation's evidence as a message key and its arguments (docs/evidence.md), rendered in the institution's
-- language by every reader. The English text stays in evidence: rows written before keys have only it, and a new
-- row keeps its English rendering there for what searches text (a data subject's name in SubjectFinder) and for
-- a reader of the table itself; readers show the key's sentence when there is one.
alter table deviation add column evidence_key text, add column evidence_args jsonb;
alter table deviation add constraint deviation_evidence_args_array
    check (evidence_args is null or jsonb_typeof(evidence_args) = 'array');

-- select * is expanded when a view is made: made again so the view has the new columns.
create or replace view open_deviation as select * from deviation where status in ('NEW', 'ONGOING');
