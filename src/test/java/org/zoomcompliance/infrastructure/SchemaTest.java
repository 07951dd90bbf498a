package org.zoomcompliance.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.PipelineIntegrationTest;

class SchemaTest extends PipelineIntegrationTest {

    @Test
    void flywayCreatesTheJobRepositoryAndThePipelineTables() {
        // given the application started on a fresh embedded database
        // when we list its tables
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);

        // then Spring Batch's JDBC job repository and the pipeline's own tables are there
        assertThat(tables).contains("batch_job_instance", "batch_job_execution", "batch_job_execution_params",
                "batch_step_execution", "batch_step_execution_context", "batch_job_execution_context",
                "flyway_schema_history", "source_file", "meeting", "participant_join", "dashboard_participant",
                "recording", "sign_in", "operation_log", "zoom_user", "host_activity", "quarantined_row",
                "webinar_registration",
                "deviation", "rule_evaluation", "retention_purge", "report", "audit_event");
        assertThat(jdbc.queryForObject("show server_version_num", Integer.class)).isGreaterThanOrEqualTo(180000);
    }

    @Test
    void theAuditTrailIsAppendOnly() {
        jdbc.update("insert into audit_event (actor, action, target) values ('test', 'DOWNLOAD', 'x')");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .hasMessageContaining("append-only");
    }
}
