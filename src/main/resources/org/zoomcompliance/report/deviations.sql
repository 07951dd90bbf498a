-- The Deviations sheet (DeviationsSheet). Open deviations (NEW, ONGOING) first and the resolved ones apart after
-- them; HIGH first, then by date. The DPO's rectification notes (deviation_note, V54) follow the evidence they
-- correct.
-- Evidence is its key and arguments (docs/evidence.md), rendered in the workbook's language; evidence is the
-- text of a row written before keys.

-- name: deviations
select d.rule_code, d.severity, d.status, d.occurred_at, d.meeting_id, d.topic, d.host_email, d.profile, d.evidence,
       (select string_agg(n.note, ' / ' order by n.noted_at) from deviation_note n
         where n.month = d.month and n.rule_code = d.rule_code and n.subject = d.subject) as notes,
       d.evidence_key, d.evidence_args::text
  from deviation d
 where d.month = :month
 order by d.status = :resolved,
          case d.severity when 'HIGH' then 0 when 'MEDIUM' then 1 when 'LOW' then 2 else 3 end,
          d.occurred_at nulls last, d.rule_code, d.subject
