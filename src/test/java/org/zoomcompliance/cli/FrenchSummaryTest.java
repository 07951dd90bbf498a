package org.zoomcompliance.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.TestClocks;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;

/**
 * The commands' summaries follow the institution's language (institution.language: fr), as the workbook does; the
 * exit codes and the figures are those of the English run.
 */
class FrenchSummaryTest {

    private static final String SIGN_INS = "sample-data/signinout_20261001_20261031.csv";

    @Test
    void aFrenchInstitutionReadsItsSummariesInFrench() throws IOException {
        // given a home whose policy reports in French
        Path home = TestHomes.newHome();
        Files.writeString(home.resolve("policy.yml"), "institution: { language: fr }\n");

        // when the sample month's sign-ins are ingested and the month evaluated, then the keys listed
        StringWriter ingest = new StringWriter();
        int ingested = commandLine(ingest).execute("--home", home.toString(), "ingest", SIGN_INS);
        StringWriter evaluate = new StringWriter();
        int evaluated = commandLine(evaluate).execute("--home", home.toString(), "evaluate", "--month", "2026-10");
        Path notes = Files.writeString(TestHomes.newHome().resolve("notes_french.csv"), "Note,Author\r\nhello,me\r\n");
        StringWriter setAside = new StringWriter();
        int quarantined = commandLine(setAside).execute("--home", home.toString(), "ingest", notes.toString());
        StringWriter keys = new StringWriter();
        int listed = commandLine(keys).execute("--home", home.toString(), "keys", "status");

        // then each summary is in French, with the same exit codes as in English
        assertThat(ingested).isEqualTo(ExitCodes.OK);
        assertThat(ingest.toString()).contains(
                "9 lignes lues, 9 importées, 0 rejetées, 0 en double\n",
                "1 fichiers : 9 lignes lues, 9 importées, 0 rejetées, 0 en double\n");
        assertThat(quarantined).isEqualTo(ExitCodes.OK);
        assertThat(setAside.toString()).contains("notes_french.csv", "(type inconnu : la première ligne ne correspond"
                + " à aucun en-tête d’export Zoom connu (2 colonnes))");
        assertThat(evaluated).isEqualTo(ExitCodes.OK);
        assertThat(evaluate.toString()).startsWith("Évaluation de 2026-10 : 1 écart(s) ouvert(s), 0 résolu(s) ce mois-ci\n"
                + "  CLIENT_OUTDATED                        1 ouvert(s)     0 résolu(s)\n"
                + "Règles non évaluées :\n");
        assertThat(listed).isEqualTo(ExitCodes.OK);
        assertThat(keys.toString()).startsWith("version  courante créée");
    }

    private static CommandLine commandLine(StringWriter out) {
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        return commandLine;
    }
}
