package org.zoomcompliance.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.util.DefaultTempFileCreationStrategy;
import org.apache.poi.util.TempFile;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.month.MonthWindow;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.policy.RuleTexts;
import org.zoomcompliance.pseudonymisation.KeyManagement;

/**
 * Writes the DPO workbook of a month: its {@link Sheet}s in order, the Summary with its charts on an XSSF template,
 * then the data sheets streamed through SXSSF from JDBC cursors, so that memory does not grow with the month's
 * size. What the month was judged on (inventory, snapshots, files, whether it was evaluated) is read from its month
 * facts. How to add a sheet: docs/guide-sheet.md.
 */
final class DpoWorkbook {

    /** The sheets' names in English, in their order (a data sheet past the row limit continues on "Name (2)"...). */
    static final List<String> SHEETS =
            List.of("Summary", "Deviations", "Recordings", "Transfers", "Accounts", "Data quality", "Register");

    private static final int FETCH_SIZE = 1_000;
    private static final int ROWS_IN_MEMORY = 200;

    private final TransactionTemplate readOnly;
    private final Policy policy;
    private final MonthRegister register;
    private final int maxRowsPerSheet;
    private final Messages messages;
    private final List<Sheet> sheets;

    DpoWorkbook(DataSource dataSource, PlatformTransactionManager transactions, Policy policy, KeyManagement keys, Clock clock, int maxRowsPerSheet) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        // PostgreSQL streams a result set through a cursor only inside a transaction and with a fetch size.
        jdbc.setFetchSize(FETCH_SIZE);
        this.register = new MonthRegister(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.policy = policy;
        this.maxRowsPerSheet = maxRowsPerSheet;
        this.messages = Messages.of(policy.institution().language().code());
        RuleTexts ruleTexts = RuleTexts.load(policy.institution().language());
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        this.sheets = List.of(
                new SummarySheet(SheetSql.load(named, "summary.sql", "workbook.sql"), policy, register, ruleTexts,
                        clock),
                new DeviationsSheet(SheetSql.load(named, "deviations.sql"), ruleTexts),
                new RecordingsSheet(SheetSql.load(named, "recordings.sql", "workbook.sql"), policy, clock),
                new TransfersSheet(SheetSql.load(named, "transfers.sql"), policy.institution().language()),
                new AccountsSheet(SheetSql.load(named, "accounts.sql"), ruleTexts),
                new DataQualitySheet(SheetSql.load(named, "data-quality.sql")),
                new RegisterSheet(SheetSql.load(named, "register.sql", "workbook.sql"), policy, keys));
    }

    /** The version written into each workbook: the jar's, or "development" when run from classes. */
    static String pipelineVersion() {
        String version = DpoWorkbook.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /**
     * Writes the month's workbook to {@code out}; POI's temporary files go to {@code temporaryFolder}, which the
     * caller owns and empties. Returns the number of data rows written (headers excluded).
     */
    long write(YearMonth month, OutputStream out, Path temporaryFolder) {
        DefaultTempFileCreationStrategy temporaryFiles = new DefaultTempFileCreationStrategy(temporaryFolder.toFile());
        Long rows = TempFile.withStrategy(temporaryFiles,
                () -> readOnly.execute(status -> writeInTransaction(
                        new Period(new MonthWindow(month, policy.zone()), register.of(month).orElse(null)), out)));
        return rows == null ? 0 : rows;
    }

    private long writeInTransaction(Period period, OutputStream out) {
        try (XSSFWorkbook template = new XSSFWorkbook()) {
            SheetContext context = new SheetContext(period, messages, new EvidenceText(messages), CellStyles.of(template),
                    new PageSetUp(policy.institution().name(), period.month(), messages), maxRowsPerSheet);
            properties(template, period);
            long rows = 0;
            // SXSSF streams only the sheets created through it, after those the template already holds
            for (Sheet sheet : sheets) {
                if (!sheet.streamed()) {
                    rows += sheet.write(template, context);
                }
            }
            SXSSFWorkbook workbook = new SXSSFWorkbook(template, ROWS_IN_MEMORY);
            try {
                for (Sheet sheet : sheets) {
                    if (sheet.streamed()) {
                        rows += sheet.write(workbook, context);
                    }
                }
                workbook.write(out);
                return rows;
            } finally {
                // dispose() deletes SXSSF's temporary sheet files (they hold the month's rows); close() its streams.
                workbook.dispose();
                workbook.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the workbook: " + e.getMessage(), e);
        }
    }

    private void properties(XSSFWorkbook workbook, Period period) {
        POIXMLProperties properties = workbook.getProperties();
        String generator = "zoom-compliance " + pipelineVersion();
        properties.getCoreProperties().setTitle(messages.get("report.title.month", period.month().toString()));
        properties.getCoreProperties().setSubjectProperty("Period " + period.month());
        properties.getCoreProperties().setCreator(generator);
        properties.getCoreProperties().setDescription("Monthly record of Zoom use against the policy of "
                + policy.institution().name());
        properties.getExtendedProperties().setApplication(generator);
        properties.getCustomProperties().addProperty("Period", period.month().toString());
        properties.getCustomProperties().addProperty("Generator", generator);
        properties.getCustomProperties().addProperty("Institution", policy.institution().name());
    }

    /** Makes the per-build folder POI writes its temporary files to. */
    static Path temporaryFolder(Path parent) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), "build-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder under " + parent, e);
        }
    }
}
