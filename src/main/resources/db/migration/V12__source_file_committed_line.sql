-- The last line of the file whose row a committed chunk holds. Spring Batch saves the reader's position after the
-- chunk's transaction has committed, in a transaction of its own: a stop or a kill in between restarts the step a
-- chunk early. The writer skips the rows at or before this line, so they are neither written nor counted twice.
alter table source_file add column committed_through_line bigint not null default 0;
