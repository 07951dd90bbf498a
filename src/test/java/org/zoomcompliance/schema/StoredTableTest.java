package org.zoomcompliance.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.schema.StoredTable.Trait;
import org.zoomcompliance.support.TestPolicies;
import org.zoomcompliance.support.PipelineIntegrationTest;

/** The declared tables against the migrated schema: a table of export rows or of pseudonyms is never left out. */
class StoredTableTest extends PipelineIntegrationTest {

    @Test
    void everyDeclaredTableExistsAndItsMomentIsAnExpressionOfIt() {
        for (StoredTable table : StoredTable.values()) {
            assertThat(columns(table.sqlName())).as(table.sqlName()).isNotEmpty();
            jdbc.queryForList("select " + table.moment() + " from " + table.sqlName() + " limit 0");
        }
    }

    @Test
    void everyTableWithPseudonymsIsDeclaredPseudonymisedWithItsKeyVersion() {
        List<String> withPseudonyms = jdbc.queryForList("""
                select distinct table_name from information_schema.columns
                where table_schema = current_schema() and column_name like '%pseudonym%' order by 1""", String.class);
        assertThat(withPseudonyms).containsExactlyInAnyOrderElementsOf(StoredTable.names(Trait.PSEUDONYMISED));
        for (String table : StoredTable.names(Trait.PSEUDONYMISED)) {
            assertThat(columns(table)).as(table).contains("key_version");
        }
    }

    @Test
    void everyTableOfExportRowsIsDeclared() {
        List<String> fromFiles = jdbc.queryForList("""
                select distinct table_name from information_schema.columns
                where table_schema = current_schema() and column_name = 'source_file_id' order by 1""", String.class);
        assertThat(StoredTable.names()).containsAll(fromFiles.stream()
                .filter(table -> !Set.of("unknown_value", "month_file").contains(table)).toList());
        assertThat(StoredTable.names(Trait.PERSONAL)).containsAll(StoredTable.names(Trait.RESTRICTABLE));
    }

    @Test
    void everyPersonsRowAgesOutButTheSnapshotsALaterOneReplaces() {
        Policy.Retention limits = TestPolicies.of("").retention();
        assertThat(Arrays.stream(StoredTable.values()).filter(table -> table.is(Trait.PERSONAL))
                .filter(table -> table.retentionDays(limits).isEmpty()))
                .containsExactlyInAnyOrder(StoredTable.ZOOM_USER, StoredTable.HOST_ACTIVITY);
        assertThat(StoredTable.SIGN_IN.retentionDays(limits)).contains(365);
        assertThat(StoredTable.WEBINAR_REGISTRATION.retentionDays(limits)).contains(180);
        for (StoredTable table : StoredTable.values()) {
            // retention falls back on the file's arrival for a row without a moment (RetentionJobConfiguration)
            table.retentionDays(limits).ifPresent(days -> assertThat(columns(table.sqlName())).as(table.sqlName())
                    .contains("source_file_id"));
        }
    }

    private List<String> columns(String table) {
        return jdbc.queryForList("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ?", String.class, table);
    }
}
