package org.zoomcompliance.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.support.PipelineIntegrationTest;

/** The audit trail's hash chain: appended without forks by concurrent writers, and any altered row is named. */
class AuditChainTest extends PipelineIntegrationTest {

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void writersAtOnceNeverForkTheChain() throws Exception {
        // given
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            // when four writers append 25 rows each at the same time
            List<Future<?>> done = new ArrayList<>();
            for (int writer = 0; writer < 4; writer++) {
                String actor = "chain-writer-" + writer;
                done.add(writers.submit(() -> {
                    for (int row = 0; row < 25; row++) {
                        audit.record(actor, AuditLog.JOB_START, "chain", null, "row " + row);
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        // then
        AuditLog.Verification verification = audit.verify();
        assertThat(verification.intact()).as(verification.problem()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where target = 'chain'", Integer.class))
                .isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(distinct previous_hash) = count(*) from audit_event", Boolean.class))
                .isTrue();
    }

    @Test
    void aRowAlteredBehindTheTriggersBackIsNamedAndTheTableCannotBeTruncated() {
        // given
        audit.record("chain-tamper", AuditLog.DOWNLOAD, "report 2031-08 v1", "a".repeat(64), "before");
        audit.record("chain-tamper", AuditLog.JOB_START, "after", null, null);
        long altered = jdbc.queryForObject("select id from audit_event where detail = 'before'", Long.class);

        // when the row is changed with the append-only trigger disabled, as the tables' owner can
        alter(altered, "forged");

        // then
        try {
            AuditLog.Verification verification = audit.verify();
            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenId()).isEqualTo(altered);
            assertThat(verification.problem()).contains("does not match its hash");
        } finally {
            alter(altered, "before");
        }
        assertThat(audit.verify().intact()).isTrue();
        assertThatThrownBy(() -> jdbc.execute("truncate audit_event")).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("update audit_event set detail = 'x' where id = ?", altered))
                .hasMessageContaining("append-only");
    }

    private void alter(long id, String detail) {
        transactions.executeWithoutResult(status -> {
            jdbc.execute("alter table audit_event disable trigger audit_event_append_only");
            jdbc.update("update audit_event set detail = ? where id = ?", detail, id);
            jdbc.execute("alter table audit_event enable trigger audit_event_append_only");
        });
    }
}
