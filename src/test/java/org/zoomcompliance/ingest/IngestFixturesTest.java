package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.zoomcompliance.ingest.IngestReport.FileOutcome;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.support.PipelineIntegrationTest;

/**
 * Every kind and layout of Zoom export, one committed fixture each, ingested and compared with the rows it must
 * give ({@code <fixture>.expected} beside it; the shapes of real exports under {@code real/} have their rows
 * written in {@link RealExportShapesTest}). Run with {@code -Dfixtures.rewrite=true} to rewrite the expected
 * files after a deliberate change, then review the diff.
 */
class IngestFixturesTest extends PipelineIntegrationTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/ingest");

    @Autowired
    Ingestion ingestion;

    @Autowired
    PseudonymKeyStore keyStore;

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> files = Files.walk(FIXTURES)) {
            List<String> csv = files.filter(f -> f.toString().endsWith(".csv"))
                    .filter(f -> !f.startsWith(FIXTURES.resolve("broken")))
                    .filter(f -> !f.startsWith(FIXTURES.resolve("real")))
                    .map(f -> FIXTURES.relativize(f).toString())
                    .sorted()
                    .toList();
            return csv.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void ingestsEachKindAndLayoutIntoItsExpectedRows(String fixture) throws IOException {
        // given
        Path file = FIXTURES.resolve(fixture);
        Path expectedFile = FIXTURES.resolve(fixture.replaceAll("\\.csv$", ".expected"));

        // when
        IngestReport report = ingestion.ingest(List.of(file));

        // then
        FileOutcome outcome = report.files().get(0);
        assertThat(outcome.status()).isEqualTo(IngestReport.Status.COMPLETED);
        assertThat(outcome.rowsRejected()).isZero();
        String rows = IngestedRows.dump(jdbc, outcome.sha256());
        if (Boolean.getBoolean("fixtures.rewrite")) {
            Files.writeString(expectedFile, rows, StandardCharsets.UTF_8);
        }
        assertThat(rows).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
        assertThat(IngestedRows.keyVersions(jdbc, outcome.sha256())).isSubsetOf(keyStore.current().version());
    }
}
