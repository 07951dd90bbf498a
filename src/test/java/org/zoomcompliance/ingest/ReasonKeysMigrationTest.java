package org.zoomcompliance.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.infrastructure.EvidenceText;
import org.zoomcompliance.infrastructure.Messages;
import org.zoomcompliance.support.MigrationIntegrationTest;

/**
 * V58 on a database whose reasons were recorded as English text only: the shapes ingest wrote become keys and
 * arguments that say the same sentence in English and say it in French; a reason of another shape, and a failed
 * file's message, stay as recorded, without key.
 */
class ReasonKeysMigrationTest extends MigrationIntegrationTest {

    private static final String SCHEMA = "reason_keys_migration";

    private static final EvidenceText ENGLISH = new EvidenceText(Messages.of(Messages.ENGLISH));
    private static final EvidenceText FRENCH = new EvidenceText(Messages.of(Messages.FRENCH));

    ReasonKeysMigrationTest() {
        super(SCHEMA);
    }

    @Test
    void turnsTheEnglishShapesIntoKeysAndLeavesAnyOtherTextAsRecorded() {
        // given a schema as it was before V58, holding files and rejected rows with their English reasons
        migrateTo("57");
        file("a", "COMPLETED", "empty participant name (2); unknown value in role, row kept as unknown (1)");
        file("b", "QUARANTINED", "nothing could be ingested, every row was rejected: no meeting ID: no meeting block"
                + " and none in the file name (2)");
        file("c", "QUARANTINED", "unknown kind: the first line matches no known Zoom export header (3 columns)");
        file("d", "FAILED", "simulated outage (2)");
        file("e", "COMPLETED", "a reason of another shape");
        jdbc.update("insert into " + SCHEMA + ".quarantined_row (source_file_id, line_number, reason)"
                + " select id, n, r from " + SCHEMA + ".source_file, (values"
                + " (1, 'unparseable date in join_time: impossible date or time (shape slashed)'),"
                + " (2, 'wrong field count: 10 fields for a header of 8'),"
                + " (3, 'the database refused the row: value too long'),"
                + " (4, 'a row reason of another shape')) v (n, r) where sha256 = repeat('a', 64)");

        // when
        migrateTo("58");

        // then the English reads as recorded, the French is French, and unknown shapes keep no key
        List<String[]> files = jdbc.query("select reasons_key, reasons_args::text, reasons from " + SCHEMA
                + ".source_file order by sha256", (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3)});
        assertThat(files).extracting(row -> ENGLISH.render(row[0], row[1], row[2])).containsExactly(
                "empty participant name (2); unknown value in role, row kept as unknown (1)",
                "nothing could be ingested, every row was rejected: no meeting ID: no meeting block and none in the"
                        + " file name (2)",
                "unknown kind: the first line matches no known Zoom export header (3 columns)",
                "simulated outage (2)",
                "a reason of another shape");
        assertThat(files).extracting(row -> FRENCH.render(row[0], row[1], row[2])).containsExactly(
                "nom de participant vide (2) ; valeur inconnue dans role, ligne conservée comme inconnue (1)",
                "rien n’a pu être importé, toutes les lignes ont été rejetées : pas d’ID de réunion : aucun bloc de"
                        + " réunion et aucun dans le nom du fichier (2)",
                "type inconnu : la première ligne ne correspond à aucun en-tête d’export Zoom connu (3 colonnes)",
                "simulated outage (2)",
                "a reason of another shape");
        assertThat(files).extracting(row -> row[0]).containsExactly("ingest.reason.summary",
                "ingest.reason.nothing-ingested-rejected", "ingest.reason.unknown-kind", null, null);

        List<String[]> rows = jdbc.query("select reason_key, reason_args::text, reason from " + SCHEMA
                + ".quarantined_row order by line_number", (rs, i) -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3)});
        assertThat(rows).extracting(row -> ENGLISH.render(row[0], row[1], row[2])).containsExactly(
                "unparseable date in join_time: impossible date or time (shape slashed)",
                "wrong field count: 10 fields for a header of 8",
                "the database refused the row: value too long",
                "a row reason of another shape");
        assertThat(rows).extracting(row -> FRENCH.render(row[0], row[1], row[2])).containsExactly(
                "date illisible dans join_time : date ou heure impossible (forme slashed)",
                "nombre de champs incorrect : 10 champs pour un en-tête de 8",
                "la base de données a refusé la ligne : value too long",
                "a row reason of another shape");
        assertThat(rows).extracting(row -> row[0]).endsWith((String) null);
        // the migration's own matching functions are gone once it has run
        assertThat(jdbc.queryForObject("select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace"
                + " where n.nspname = ? and p.proname like 'zc_v58_%'", Integer.class, SCHEMA)).isZero();
    }

    private void file(String letter, String status, String reasons) {
        jdbc.update("insert into " + SCHEMA + ".source_file (sha256, file_name, kind, status, reasons)"
                + " values (repeat(?, 64), ?, 'PARTICIPANTS', ?, ?)", letter, letter + ".csv", status, reasons);
    }
}
