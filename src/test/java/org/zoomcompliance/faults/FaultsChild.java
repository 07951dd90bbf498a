package org.zoomcompliance.faults;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.zoomcompliance.ZoomComplianceApplication;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.infrastructure.JobRunner;
import org.zoomcompliance.ingest.IngestReport;
import org.zoomcompliance.ingest.Ingestion;
import org.zoomcompliance.support.ChildJvm;
import org.zoomcompliance.support.TestClocks;

/**
 * A child JVM for the fault scenarios: starts the application on a home folder and runs one job, arguments
 * {@code HOME JOB_NAME [name=value...]} ({@code run} is added), or ingests a file, {@code HOME ingest FILE}. With
 * {@code -Dfaults.block=FRAGMENT}, the statement containing FRAGMENT prepared after {@code faults.block.skip}
 * others (default 0) prints {@code BLOCKED} and waits, inside the job's transaction, until the JVM is asked to
 * shut down (SIGTERM) or is killed (SIGKILL): the parent chooses the moment of the fault that way, without
 * timing. With {@code -Dfaults.block.after-commit=true} it waits instead just after the commit of the transaction
 * that ran that statement: the moment between a commit and what follows it. At the end it prints
 * {@code RESULT status read written skipped} (or the file's outcome).
 */
public final class FaultsChild {

    /**
     * Starts the child on a home folder, running a job or an ingest; {@code properties} (name=value) are system
     * properties of the child: {@link #BLOCK_PROPERTY} names the SQL where it waits.
     */
    static ChildJvm run(Path home, List<String> properties, String jobName, String... parameters) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx384m"));
        properties.forEach(property -> options.add("-D" + property));
        List<String> arguments = new ArrayList<>(List.of(home.toString(), jobName));
        arguments.addAll(List.of(parameters));
        return ChildJvm.start(FaultsChild.class, options, arguments);
    }


    static final String BLOCK_PROPERTY = "faults.block";
    static final String SKIP_PROPERTY = "faults.block.skip";
    static final String AFTER_COMMIT_PROPERTY = "faults.block.after-commit";

    private static final CountDownLatch SHUTDOWN = new CountDownLatch(1);

    private FaultsChild() {
    }

    public static void main(String[] args) throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(SHUTDOWN::countDown, "faults-release"));
        JobParametersBuilder parameters = new JobParametersBuilder();
        for (int i = 2; i < args.length && !args[1].equals("ingest"); i++) {
            String[] pair = args[i].split("=", 2);
            parameters.addString(pair[0], pair[1]);
        }
        parameters.addLong(JobRunner.RUN_PARAMETER, System.currentTimeMillis());
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ZoomComplianceApplication.class,
                FaultsChild.class)
                .web(WebApplicationType.NONE)
                .properties(HomeFolder.PROPERTY + "=" + args[0])
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", TestClocks.afterSampleMonth()))
                .run()) {
            System.out.println("STARTED");
            System.out.flush();
            if (args[1].equals("ingest")) {
                IngestReport.FileOutcome outcome = context.getBean(Ingestion.class)
                        .ingest(List.of(Path.of(args[2]))).files().get(0);
                System.out.println("RESULT " + outcome.status() + " " + outcome.rowsRead() + " "
                        + outcome.rowsIngested() + " " + outcome.rowsRejected());
                System.out.flush();
                return;
            }
            JobExecution execution = context.getBean(JobRunner.class).run(args[1], parameters.toJobParameters());
            long read = execution.getStepExecutions().stream().mapToLong(s -> s.getReadCount()).sum();
            long written = execution.getStepExecutions().stream().mapToLong(s -> s.getWriteCount()).sum();
            long skipped = execution.getStepExecutions().stream().mapToLong(s -> s.getSkipCount()).sum();
            System.out.println("RESULT " + execution.getStatus() + " " + read + " " + written + " " + skipped);
            System.out.flush();
        }
    }

    /** Wraps the application's data source so that the statement named by {@code faults.block} waits. */
    @Bean
    static BeanPostProcessor blockingDataSource() {
        String fragment = System.getProperty(BLOCK_PROPERTY);
        AtomicInteger blocked = new AtomicInteger(-Integer.getInteger(SKIP_PROPERTY, 0));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (fragment == null || !(bean instanceof DataSource dataSource) || bean instanceof Blocking) {
                    return bean;
                }
                return new Blocking(dataSource, fragment, blocked);
            }
        };
    }

    /** A data source whose connections wait on the first statement containing the fragment. */
    static final class Blocking extends org.springframework.jdbc.datasource.DelegatingDataSource
            implements AutoCloseable {

        private final String fragment;
        private final AtomicInteger blocked;

        Blocking(DataSource target, String fragment, AtomicInteger blocked) {
            super(target);
            this.fragment = fragment;
            this.blocked = blocked;
        }

        @Override
        public Connection getConnection() throws java.sql.SQLException {
            Connection connection = super.getConnection();
            boolean afterCommit = Boolean.getBoolean(AFTER_COMMIT_PROPERTY);
            java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, arguments) -> {
                        if (method.getName().startsWith("prepare") && arguments != null
                                && arguments[0] instanceof String sql && sql.contains(fragment)
                                && blocked.getAndIncrement() == 0) {
                            if (afterCommit) {
                                armed.set(true);
                            } else {
                                block();
                            }
                        }
                        Object result;
                        try {
                            result = method.invoke(connection, arguments);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (method.getName().equals("commit") && armed.getAndSet(false)) {
                            block();
                        }
                        return result;
                    });
        }

        private void block() throws Exception {
            System.out.println("BLOCKED");
            System.out.flush();
            SHUTDOWN.await();
            awaitStopRequested();
        }

        /**
         * Until the graceful shutdown has asked the running job to stop (or a bound passes): released earlier, the
         * step could finish its remaining chunks before the request arrives, and the scenario would test nothing.
         */
        private void awaitStopRequested() throws Exception {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            try (Connection probe = getTargetDataSource().getConnection();
                    java.sql.Statement statement = probe.createStatement()) {
                while (System.nanoTime() < deadline) {
                    // pg_sleep lets the shutdown move on between two looks
                    try (java.sql.ResultSet stopping = statement.executeQuery("select exists (select 1 from"
                            + " batch_job_execution where status = 'STOPPING'), pg_sleep(0.02)")) {
                        if (stopping.next() && stopping.getBoolean(1)) {
                            return;
                        }
                    }
                }
            }
        }

        @Override
        public void close() throws Exception {
            if (getTargetDataSource() instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
