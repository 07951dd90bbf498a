-- The policy each month was last evaluated under: the SHA-256 of its effective values, where it came from, and
-- the values themselves (defaults merged with the file, by key path), so that the workbook names the policy behind
-- its register and a re-evaluation under another policy can say what changed.
create table evaluation_policy (
    month          date        primary key,
    policy_sha256  char(64)    not null,
    policy_origin  text        not null,
    policy_values  jsonb       not null,
    evaluated_at   timestamptz not null
);
