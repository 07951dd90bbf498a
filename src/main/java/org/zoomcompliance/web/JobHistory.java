package org.zoomcompliance.web;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zoomcompliance.ingest.normalise.Sanitiser;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.operations.ExecutionView;
import org.zoomcompliance.operations.JobControl;
import org.zoomcompliance.operations.JobRequest;

/**
 * The executions as operators look for them: by run, newest first, a page at a time, filtered by job and status.
 * A nightly run's own jobs (the per-file ingests, the evaluations, retention it launched) are shown under it, and a
 * manual ingest of the inbox (one job per file, one after the other) is one run; a per-file ingest that quarantined
 * its file says so with the reason. Spring Batch records no parent of a job: a nightly's jobs are those created
 * while it ran (it runs them one after the other, and the launch guards let no second nightly run beside it).
 */
@Component
@ConditionalOnWebApplication
class JobHistory {

    /** Runs a page shows. */
    static final int PAGE = 25;

    private static final String NIGHTLY = JobRequest.NIGHTLY_JOB;
    private static final String INGEST = JobRequest.INGEST_FILE_JOB;

    /**
     * Every execution with the nightly run it belongs to ({@code night}, null for none), and the island of
     * consecutive per-file ingests outside a night it belongs to ({@code island}).
     */
    private static final String PLACED = """
            with e as (
                select x.job_execution_id as id, i.job_name, x.status, x.create_time,
                       coalesce(x.end_time, 'infinity'::timestamp) as until
                from batch_job_execution x join batch_job_instance i on i.job_instance_id = x.job_instance_id),
            marked as (
                select e.*, max(case when job_name = '%1$s' then id end) over (order by id) as last_night from e),
            placed as (
                select m.id, m.job_name, m.status,
                       case when m.job_name <> '%1$s' and m.create_time <= n.until then n.id end as night
                from marked m left join e n on n.id = m.last_night),
            top as (
                select p.*, row_number() over (order by id)
                       - row_number() over (partition by job_name = '%2$s' order by id) as island
                from placed p where night is null),
            runs as (
                select max(id) as head, min(job_name) as job_name, array_agg(id order by id) as members,
                       array_agg(distinct status) as statuses
                from top group by job_name = '%2$s', island, case when job_name = '%2$s' then 0 else id end)
            """.formatted(NIGHTLY, INGEST);

    /** One execution listed under a run, read in one query with its file and its month. */
    record Child(long id, String jobName, String status, LocalDateTime start, LocalDateTime end, long readCount,
            long writeCount, long skipCount, String fileName, String message, String month, boolean quarantined) {

        public boolean running() {
            return status.equals("STARTING") || status.equals("STARTED") || status.equals("STOPPING");
        }

        /** What the console shows as its status: a quarantined file's ingest completed, but set the file aside. */
        public String shownStatus() {
            return quarantined ? "QUARANTINED" : status;
        }
    }

    /** What a night did: files ingested and quarantined, months evaluated with their deviations, rows purged. */
    record NightSummary(int files, int quarantined, int failedFiles, List<MonthFigures> months, long purged,
            int runs) {
    }

    /** A month a night evaluated, with its open and resolved deviations as they stand. */
    record MonthFigures(YearMonth month, String status, boolean evaluated, long open, long resolved) {
    }

    /**
     * A run: one execution ({@code execution}) with what it launched ({@code children}, a nightly), or a manual
     * ingest of several files ({@code execution} null, {@code children} its per-file jobs).
     */
    record Run(ExecutionView execution, String message, boolean quarantined, List<Child> children,
            NightSummary night) {

        /** The execution the row is named by: the run's own, or its newest file's. */
        public long id() {
            return execution != null ? execution.id() : children.get(children.size() - 1).id();
        }

        public boolean group() {
            return execution == null;
        }

        /** A manual ingest's status: running while one file runs, FAILED if one failed, else COMPLETED. */
        public String status() {
            if (execution != null) {
                return quarantined ? "QUARANTINED" : execution.status().name();
            }
            if (children.stream().anyMatch(Child::running)) {
                return "STARTED";
            }
            return children.stream().anyMatch(child -> child.status().equals("FAILED")) ? "FAILED" : "COMPLETED";
        }

        public boolean running() {
            return execution != null ? execution.status().isRunning() : children.stream().anyMatch(Child::running);
        }

        public long quarantinedFiles() {
            return children.stream().filter(Child::quarantined).count();
        }
    }

    /** A page of runs, and how many there are in all. */
    record Page(List<Run> runs, long total, int page, int pages) {
    }

    private final JdbcTemplate jdbc;
    private final JobControl jobControl;
    private final MonthRegister register;
    private final ExitMessages exits;

    JobHistory(JdbcTemplate jdbc, JobControl jobControl, MonthRegister register, ExitMessages exits) {
        this.jdbc = jdbc;
        this.jobControl = jobControl;
        this.register = register;
        this.exits = exits;
    }

    /** The job names executions exist of, for the filter. */
    List<String> jobNames() {
        return jdbc.queryForList("select distinct job_name from batch_job_instance order by 1", String.class);
    }

    /** A page of runs of a job (null: any) with a status (null: any; a manual ingest has it if one of its files has). */
    Page page(String jobName, String status, int page) {
        List<Object> arguments = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (jobName != null) {
            where.append(" and job_name = ?");
            arguments.add(jobName);
        }
        if (status != null) {
            where.append(" and ? = any(statuses)");
            arguments.add(status);
        }
        long total = jdbc.queryForObject(PLACED + "select count(*) from runs" + where, Long.class, arguments.toArray());
        int pages = (int) Math.max(1, (total + PAGE - 1) / PAGE);
        int shown = Math.min(page, pages);
        arguments.add(PAGE);
        arguments.add((shown - 1) * PAGE);
        List<Run> runs = new ArrayList<>();
        jdbc.query(PLACED + "select head, job_name, members from runs" + where + " order by head desc limit ? offset ?",
                rs -> {
                    runs.add(null);
                    int index = runs.size() - 1;
                    long[] members = ids(rs.getArray("members"));
                    runs.set(index, members.length > 1 ? group(members) : run(rs.getLong("head")).orElse(null));
                }, arguments.toArray());
        return new Page(runs.stream().filter(run -> run != null).toList(), total, shown, pages);
    }

    /** One execution as a run: a nightly with its jobs and summary, another job alone. */
    Optional<Run> run(long id) {
        return jobControl.find(id).map(execution -> {
            Optional<Child> self = children(List.of(id)).stream().findFirst();
            boolean quarantined = self.map(Child::quarantined).orElse(false);
            String message = quarantined ? self.get().message() : exits.human(execution.exitMessage());
            if (!execution.jobName().equals(NIGHTLY)) {
                return new Run(execution, message, quarantined, List.of(), null);
            }
            List<Long> ids = jdbc.queryForList(PLACED + "select id from placed where night = ? order by id", Long.class, id);
            List<Child> children = children(ids);
            return new Run(execution, message, false, children, summary(children));
        });
    }

    private Run group(long[] members) {
        return new Run(null, "", false, children(Arrays.stream(members).boxed().toList()), null);
    }

    private NightSummary summary(List<Child> children) {
        List<Child> ingests = children.stream().filter(child -> child.jobName().equals(INGEST)).toList();
        List<MonthFigures> months = children.stream().filter(child -> child.jobName().equals(JobRequest.EVALUATE_JOB))
                .filter(child -> child.month() != null)
                .map(child -> {
                    YearMonth month = YearMonth.parse(child.month());
                    MonthRegister.Counts counts = register.counts(month);
                    return new MonthFigures(month, child.status(), register.evaluated(month), counts.openTotal(),
                            counts.resolvedTotal());
                }).toList();
        List<Long> retention = children.stream().filter(child -> child.jobName().equals(JobRequest.RETENTION_JOB))
                .map(Child::id).toList();
        long purged = 0;
        for (long id : retention) {
            purged += jdbc.queryForObject("select coalesce(sum(rows_removed), 0) from retention_purge"
                    + " where job_execution_id = ?", Long.class, id);
        }
        return new NightSummary(ingests.size(), (int) ingests.stream().filter(Child::quarantined).count(),
                (int) ingests.stream().filter(child -> child.status().equals("FAILED")).count(), months, purged,
                children.size());
    }

    /** The executions named, oldest first, with their counts, file and month in one query. */
    private List<Child> children(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                select x.job_execution_id as id, i.job_name, x.status, x.start_time, x.end_time, x.exit_message,
                       coalesce(s.read_count, 0) as read_count, coalesce(s.write_count, 0) as write_count,
                       coalesce(s.skip_count, 0) as skip_count, f.file_name, f.status as file_status, f.reasons,
                       f.reasons_key, f.reasons_args,
                       (select p.parameter_value from batch_job_execution_params p
                        where p.job_execution_id = x.job_execution_id and p.parameter_name = 'month' limit 1) as month
                from batch_job_execution x
                join batch_job_instance i on i.job_instance_id = x.job_instance_id
                left join lateral (select sum(read_count) as read_count, sum(write_count) as write_count,
                        sum(read_skip_count + process_skip_count + write_skip_count) as skip_count
                        from batch_step_execution where job_execution_id = x.job_execution_id) s on true
                left join lateral (select file_name, status, reasons, reasons_key, reasons_args from source_file
                        where job_execution_id = x.job_execution_id order by id desc limit 1) f on true
                where x.job_execution_id = any(?)
                order by x.job_execution_id""", (rs, row) -> child(rs), (Object) ids.toArray(Long[]::new));
    }

    private Child child(ResultSet rs) throws SQLException {
        boolean quarantined = "QUARANTINED".equals(rs.getString("file_status"));
        String exit = rs.getString("exit_message");
        String message = quarantined
                ? exits.quarantined(ConsoleSentences.said(rs.getString("reasons_key"), rs.getString("reasons_args"),
                        rs.getString("reasons")))
                : rs.getString("status").equals("COMPLETED") ? "" : exits.human(firstLine(exit));
        String fileName = rs.getString("file_name");
        return new Child(rs.getLong("id"), rs.getString("job_name"), rs.getString("status"),
                local(rs.getTimestamp("start_time")), local(rs.getTimestamp("end_time")), rs.getLong("read_count"),
                rs.getLong("write_count"), rs.getLong("skip_count"),
                fileName == null ? null : Sanitiser.fileName(fileName), message,
                rs.getString("month"), quarantined);
    }

    private static LocalDateTime local(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toLocalDateTime();
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    private static long[] ids(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).mapToLong(value -> ((Number) value).longValue()).toArray();
    }
}
