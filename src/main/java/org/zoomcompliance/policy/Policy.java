package org.zoomcompliance.policy;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The institution's policy, typed: what the rules check, how long the pipeline keeps its own data, and when the
 * built-in scheduler runs. Loaded by {@link PolicyFile}; every value has its default in default-policy.yml
 * (docs/policy.md, "Keys").
 */
public record Policy(
        Institution institution,
        Map<Profile, ProfilePolicy> profiles,
        String minimumClientVersion,
        boolean coHostMayRecord,
        int pmiMinDays,
        int reuseMinSessions,
        Intrusion intrusion,
        List<String> sensitiveTerms,
        List<String> genericNames,
        List<String> acceptedNamePrefixes,
        Set<String> adequateCountries,
        boolean pseudonymiseParticipantEmails,
        Retention retention,
        Map<String, RuleSettings> rules,
        Schedule schedule) {

    /** Who the institution is, the zone its exports' wall-clock times are in, and the language it reports in. */
    public record Institution(String name, List<String> emailDomains, ZoneId timezone, Language language) {
    }

    /** A profile's Zoom groups and recording rights. */
    public record ProfilePolicy(List<String> groups, boolean mayRecord, int recordingRetentionDays) {
    }

    /** Thresholds of INTRUSION_SUSPECTED. */
    public record Intrusion(int minJoins, int windowMinutes, double minUnidentifiedShare) {
    }

    /** How long the pipeline keeps its own data, in days. */
    public record Retention(
            int participantDays,
            int signInDays,
            int operationLogDays,
            int quarantineDays,
            int processedFileDays,
            int deviationDays,
            int reportDays,
            int inactiveAccountDays) {
    }

    /** Whether a rule runs and the severity its deviations get. */
    public record RuleSettings(boolean enabled, Severity severity) {
    }

    /** Cron expressions of the built-in scheduler, in the institution's zone. */
    public record Schedule(String nightly, String monthlyReport) {
    }

    public ZoneId zone() {
        return institution.timezone();
    }

    /** The profile a Zoom user group maps to, if any. */
    public Optional<Profile> profileOfGroup(String group) {
        return profiles.entrySet().stream()
                .filter(entry -> entry.getValue().groups().stream().anyMatch(g -> g.equalsIgnoreCase(group.strip())))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    public RuleSettings rule(String code) {
        RuleSettings settings = rules.get(code);
        if (settings == null) {
            throw new IllegalArgumentException("unknown rule code " + code);
        }
        return settings;
    }
}
