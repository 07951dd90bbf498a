package org.zoomcompliance.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zoomcompliance.config.Policy;
import org.zoomcompliance.support.PipelineIntegrationTest;
import org.zoomcompliance.support.TestPolicies;

/** The policy file drives the rules: institution domains, disabled rules (February 2036, no other test's month). */
class MonthEvaluatorPolicyTest extends PipelineIntegrationTest {

    private static final YearMonth MONTH = YearMonth.of(2036, 2);

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void judgesHostsByTheInstitutionsDomainsAndRecordsDisabledRules() {
        // given two hosts, one outside the institution's domain, and a policy that disables SENSITIVE_TOPIC
        long file = jdbc.queryForObject("insert into source_file (sha256, file_name, kind, status) values"
                + " (repeat('b', 62) || '36', 'policy-domains.csv', 'TEST', 'COMPLETED') returning id", Long.class);
        jdbc.update("insert into meeting (meeting_id, start_time, topic, host_email, source_file_id) values"
                + " ('36020000001', '2036-02-03 10:00+01', 'Jury', 'prof@test.fr', ?),"
                + " ('36020000002', '2036-02-04 10:00+01', 'Cours', 'prof@gmail.com', ?)", file, file);
        Policy policy = TestPolicies.of("""
                institution: { name: Test, email-domains: [test.fr] }
                rules: { SENSITIVE_TOPIC: { enabled: false } }
                """);

        // when the month is evaluated under that policy
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                new MonthEvaluator(named, policy).evaluate(MONTH, Set.of(), null));

        // then
        assertThat(jdbc.queryForList("select evidence from deviation where month = '2036-02-01' and rule_code = 'HOST_OUTSIDE_CONTRACT'",
                String.class)).containsExactly("prof@gmail.com hosted 1 meeting(s) or recording(s), the first on 2036-02-04 10:00:"
                + " the domain gmail.com is not one of the institution's (test.fr)");
        assertThat(jdbc.queryForMap("select evaluated, reason from rule_evaluation where month = '2036-02-01'"
                + " and rule_code = 'SENSITIVE_TOPIC'")).containsEntry("evaluated", false).containsEntry("reason", "disabled in the policy");
    }
}
