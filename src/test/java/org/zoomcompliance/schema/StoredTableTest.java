package org.zoomcompliance.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.schema.StoredTable.Trait;
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

    private List<String> columns(String table) {
        return jdbc.queryForList("select column_name from information_schema.columns"
                + " where table_schema = current_schema() and table_name = ?", String.class, table);
    }
}
