-- The audit trail is tamper-evident: each row carries the SHA-256 of the row before it (previous_hash) and of that
-- hash with its own content (row_hash), so that changing, removing or inserting a row breaks the chain from there
-- on (`audit verify` names the first broken row). TRUNCATE is refused like UPDATE and DELETE.

-- One definition of a row's hash: every field length-prefixed (a null is '-'), the time as epoch microseconds, so
-- that no two different rows have the same text and the session's time zone changes nothing.
create function audit_event_digest(previous_hash text, id bigint, at timestamptz, actor text, action text,
                                   target text, sha256 text, detail text) returns char(64)
    language sql immutable parallel safe as $$
    select encode(sha256(convert_to(concat_ws('|',
            previous_hash,
            id::text,
            (extract(epoch from at) * 1000000)::bigint::text,
            coalesce(length(actor) || ':' || actor, '-'),
            coalesce(length(action) || ':' || action, '-'),
            coalesce(length(target) || ':' || target, '-'),
            coalesce(length(sha256) || ':' || sha256, '-'),
            coalesce(length(detail) || ':' || detail, '-')), 'UTF8')), 'hex')
$$;

alter table audit_event
    add column previous_hash char(64),
    add column row_hash      char(64);

-- Rows written by an earlier version are chained in id order, as new ones are.
alter table audit_event disable trigger audit_event_append_only;
do $$
declare
    event    record;
    previous char(64) := repeat('0', 64);
begin
    for event in select * from audit_event order by id loop
        update audit_event
        set previous_hash = previous,
            row_hash = audit_event_digest(previous, event.id, event.at, event.actor, event.action, event.target,
                                          event.sha256, event.detail)
        where id = event.id
        returning row_hash into previous;
    end loop;
end $$;
alter table audit_event enable trigger audit_event_append_only;

alter table audit_event
    alter column previous_hash set not null,
    alter column row_hash set not null,
    -- The id is given by the chaining trigger, under its lock, so that ids follow the chain's order.
    alter column id drop default;

-- Appends one writer at a time (a transaction-level advisory lock, held to its commit): two writers at once never
-- both chain onto the same row. A snapshot older than the lock could miss the row before, so only READ COMMITTED
-- transactions, whose every statement sees what committed before it, may append.
create function audit_event_chain() returns trigger language plpgsql as $$
declare
    last_hash char(64);
begin
    if current_setting('transaction_isolation') <> 'read committed' then
        raise exception 'audit_event is appended in READ COMMITTED transactions only';
    end if;
    perform pg_advisory_xact_lock(7411893310571790337);
    new.id := nextval(pg_get_serial_sequence('audit_event', 'id'));
    select row_hash into last_hash from audit_event order by id desc limit 1;
    new.previous_hash := coalesce(last_hash, repeat('0', 64));
    new.row_hash := audit_event_digest(new.previous_hash, new.id, new.at, new.actor, new.action, new.target,
                                       new.sha256, new.detail);
    return new;
end $$;

create trigger audit_event_chained
    before insert on audit_event
    for each row execute function audit_event_chain();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
