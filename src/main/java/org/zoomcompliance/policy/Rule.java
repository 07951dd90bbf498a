package org.zoomcompliance.policy;

import java.util.List;

/**
 * One rule of the catalogue: its code, the inputs it needs (all of the groups, any input within a group) and
 * the set-based query that selects its deviations for a month.
 */
record Rule(String code, List<List<RuleInput>> inputs, String sql) {
}
