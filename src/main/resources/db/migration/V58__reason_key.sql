-- Why a file or a row was set aside, as a message key and its arguments (docs/data-quality.md), the way a
-- deviation's evidence is (V56, docs/evidence.md): every reader says it in its language. The English text stays in
-- reasons / reason, for the logs and the reason file, for what reads it back (a failure past the rejected-rows
-- limit) and for a reader of the table; a row without a key shows that text as it was recorded.
alter table source_file add column reasons_key text, add column reasons_args jsonb;
alter table source_file add constraint source_file_reasons_args_array
    check (reasons_args is null or jsonb_typeof(reasons_args) = 'array');
alter table quarantined_row add column reason_key text, add column reason_args jsonb;
alter table quarantined_row add constraint quarantined_row_reason_args_array
    check (reason_args is null or jsonb_typeof(reason_args) = 'array');

-- A reason inside another: its key and arguments, or its text as written when it has none (evidence.legacy).
create function zc_reason_part(reason_key text, reason_args jsonb, reason text) returns jsonb
    language sql immutable parallel safe as $$
    select case when reason_key is null
                then jsonb_build_object('key', 'evidence.legacy', 'args', jsonb_build_array(reason))
                else jsonb_build_object('key', reason_key, 'args', coalesce(reason_args, '[]'::jsonb)) end
$$;

-- A file's rejected rows counted by reason, then its values kept as unknown by field, most frequent first:
-- "reason (n); ...", as a list of ingest.reason.counted parts (null when there is none).
create function zc_rejection_counts(file bigint) returns jsonb language sql stable as $$
    select jsonb_build_object('join', 'clause', 'items', jsonb_agg(
               jsonb_build_object('key', 'ingest.reason.counted', 'args', jsonb_build_array(part, n))
               order by n desc, reason))
      from (select zc_reason_part(reason_key, reason_args, reason) as part, count(*) as n, reason
              from quarantined_row where source_file_id = file group by reason_key, reason_args, reason
            union all
            select jsonb_build_object('key', 'ingest.reason.unknown-value', 'args', jsonb_build_array(field)), rows,
                   'unknown value in ' || field || ', row kept as unknown'
              from unknown_value where source_file_id = file) r
    having count(*) > 0
$$;

-- The same list in English, for source_file.reasons.
create function zc_rejection_counts_text(file bigint) returns text language sql stable as $$
    select string_agg(reason || ' (' || n || ')', '; ' order by n desc, reason)
      from (select reason, count(*) as n from quarantined_row where source_file_id = file group by reason
            union all
            select 'unknown value in ' || field || ', row kept as unknown', rows
              from unknown_value where source_file_id = file) r
$$;

-- Reasons recorded before keys, in the English shapes ingest wrote (the ones the Data quality sheet used to
-- match): one sentence as a part ({"key", "args"}), or null when its shape is not known.
create function zc_v58_reason(sentence text) returns jsonb language plpgsql immutable as $$
declare
    g text[];
begin
    if sentence is null then
        return null;
    end if;
    g := regexp_match(sentence, '^no meeting ID: the meeting line above cannot be read \((.*)\) and the file name has none$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.no-meeting-id-meeting-unread',
            'args', jsonb_build_array(coalesce(zc_v58_reason(g[1]), zc_reason_part(null, null, g[1]))));
    end if;
    g := regexp_match(sentence, '^unparseable date in (\w+): (.*)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.unparseable-date',
            'args', jsonb_build_array(g[1], coalesce(zc_v58_reason(g[2]), zc_reason_part(null, null, g[2]))));
    end if;
    g := regexp_match(sentence, '^unknown kind: (.*)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.unknown-kind',
            'args', jsonb_build_array(coalesce(zc_v58_reason(g[1]), zc_reason_part(null, null, g[1]))));
    end if;
    g := regexp_match(sentence, '^the first line cannot be read \((.*)\); a NUL byte there usually means UTF-16 without a byte-order mark$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.first-line-unreadable',
            'args', jsonb_build_array(coalesce(zc_v58_reason(g[1]), zc_reason_part(null, null, g[1]))));
    end if;
    g := regexp_match(sentence, '^the database refused the row: (.*)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.database-refused', 'args', jsonb_build_array(g[1]));
    end if;
    g := regexp_match(sentence, '^impossible date or time \(shape (\w+)\)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.impossible-date', 'args', jsonb_build_array(g[1]));
    end if;
    -- a field's name after fixed words: the sentences that differ only in it
    g := regexp_match(sentence, '^(time without a date in|not a whole number in|not a number in|not a hh:mm:ss duration in|empty|cannot be read:) (\w+)$');
    if g is not null then
        return jsonb_build_object('key', case g[1]
                when 'time without a date in' then 'ingest.reason.time-without-date'
                when 'not a whole number in' then 'ingest.reason.not-whole-number'
                when 'not a number in' then 'ingest.reason.not-number'
                when 'not a hh:mm:ss duration in' then 'ingest.reason.not-duration'
                when 'empty' then 'ingest.reason.empty-field'
                else 'ingest.reason.cannot-be-read' end, 'args', jsonb_build_array(g[2]));
    end if;
    g := regexp_match(sentence, '^time without a date in (\w+) and no meeting line to date it$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.time-without-date-or-meeting', 'args', jsonb_build_array(g[1]));
    end if;
    g := regexp_match(sentence, '^unknown value in (\w+), row kept as unknown$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.unknown-value', 'args', jsonb_build_array(g[1]));
    end if;
    g := regexp_match(sentence, '^record longer than (\d+) characters$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.too-long', 'args', jsonb_build_array(g[1]::bigint));
    end if;
    g := regexp_match(sentence, '^wrong field count: (\d+) fields for a header of (\d+)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.field-count',
            'args', jsonb_build_array(g[1]::bigint, g[2]::bigint));
    end if;
    g := regexp_match(sentence, '^the first line matches no known Zoom export header \((\d+) columns\)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.no-known-header', 'args', jsonb_build_array(g[1]::bigint));
    end if;
    g := regexp_match(sentence, '^day/month order cannot be resolved: (\d+) dates are valid only day first and (\d+) only month first$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.order-unresolved',
            'args', jsonb_build_array(g[1]::bigint, g[2]::bigint));
    end if;
    g := regexp_match(sentence, '^cannot be opened: (\w+)$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.cannot-be-opened', 'args', jsonb_build_array(g[1]));
    end if;
    g := regexp_match(sentence, '^the file could not be read within the memory given to the JVM \(-Xmx\); raise it and restart execution (\d+), or replace the file$');
    if g is not null then
        return jsonb_build_object('key', 'ingest.reason.out-of-memory', 'args', jsonb_build_array(g[1]::bigint));
    end if;
    return case sentence
        when 'a symbolic link: links are not followed, put the file itself there'
            then jsonb_build_object('key', 'ingest.reason.symbolic-link', 'args', '[]'::jsonb)
        when 'no meeting ID' then jsonb_build_object('key', 'ingest.reason.no-meeting-id', 'args', '[]'::jsonb)
        when 'no meeting start time' then jsonb_build_object('key', 'ingest.reason.no-meeting-start', 'args', '[]'::jsonb)
        when 'no meeting ID: no meeting block and none in the file name'
            then jsonb_build_object('key', 'ingest.reason.no-meeting-id-block', 'args', '[]'::jsonb)
        when 'empty participant name' then jsonb_build_object('key', 'ingest.reason.empty-participant-name', 'args', '[]'::jsonb)
        when 'unrecognised date shape' then jsonb_build_object('key', 'ingest.reason.unrecognised-date-shape', 'args', '[]'::jsonb)
        when 'NUL byte in the line' then jsonb_build_object('key', 'ingest.reason.nul-byte', 'args', '[]'::jsonb)
        when 'unterminated or broken quote' then jsonb_build_object('key', 'ingest.reason.broken-quote', 'args', '[]'::jsonb)
        when 'empty file: no header and no rows' then jsonb_build_object('key', 'ingest.reason.empty-file', 'args', '[]'::jsonb)
        when 'not valid text: the file must be UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark, and holds invalid bytes'
            then jsonb_build_object('key', 'ingest.reason.not-valid-text', 'args', '[]'::jsonb)
        end;
end
$$;

-- A file's summary as FinishTasklet writes it: "reason (n); ..." (null unless every part has that shape), after
-- "nothing could be ingested, every row was rejected: " when nothing could be.
create function zc_v58_summary(summary text) returns jsonb language plpgsql immutable as $$
declare
    parts jsonb := '[]'::jsonb;
    part text;
    g text[];
begin
    foreach part in array string_to_array(summary, '; ') loop
        g := regexp_match(part, '^(.+) \((\d+)\)$');
        if g is null then
            return null;
        end if;
        parts := parts || jsonb_build_array(jsonb_build_object('key', 'ingest.reason.counted', 'args',
                 jsonb_build_array(coalesce(zc_v58_reason(g[1]), zc_reason_part(null, null, g[1])), g[2]::bigint)));
    end loop;
    return jsonb_build_object('join', 'clause', 'items', parts);
end
$$;

with shapes as (select reason, zc_v58_reason(reason) as part from (select distinct reason from quarantined_row) d)
update quarantined_row q set reason_key = s.part ->> 'key', reason_args = s.part -> 'args'
  from shapes s where s.reason = q.reason and s.part is not null;

-- A file refused whole holds one sentence; a file read holds its summary; a failed one a failure's message, kept.
update source_file f set reasons_key = c.key, reasons_args = c.args
  from (select id,
               case when one is not null then one ->> 'key'
                    when nothing is not null then 'ingest.reason.nothing-ingested-rejected'
                    when summary is not null then 'ingest.reason.summary' end as key,
               case when one is not null then one -> 'args'
                    else jsonb_build_array(coalesce(nothing, summary)) end as args
          from (select id, zc_v58_reason(reasons) as one,
                       case when reasons like 'nothing could be ingested, every row was rejected: %'
                            then zc_v58_summary(substr(reasons, length('nothing could be ingested, every row was rejected: ') + 1))
                       end as nothing,
                       zc_v58_summary(reasons) as summary
                  from source_file where reasons is not null and status in ('COMPLETED', 'QUARANTINED')) r) c
 where f.id = c.id and c.key is not null;

drop function zc_v58_summary(text);
drop function zc_v58_reason(text);
