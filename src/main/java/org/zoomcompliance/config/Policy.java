package org.zoomcompliance.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The institution's policy, typed, one record component per key of the policy file and in its shape (docs/policy.md,
 * "Keys"): what the rules check, how long the pipeline keeps its own data, and when the built-in scheduler runs.
 * Bound by {@link PolicyFile} with Boot's {@code Binder}; the constraints below are checked by Bean Validation, and
 * every value has its default in default-policy.yml.
 */
public record Policy(
        @NotNull @Valid Institution institution,
        @NotNull Map<Profile, @NotNull @Valid ProfilePolicy> profiles,
        @NotNull @Valid Clients clients,
        @NotNull @Valid Recording recording,
        @NotNull @Valid Pmi pmi,
        @NotNull @Valid Reuse reuse,
        @NotNull @Valid Intrusion intrusion,
        @NotNull @Valid @DefaultValue SensitiveTopics sensitiveTopics,
        @NotNull @Valid @DefaultValue Identity identity,
        @NotNull @Valid @DefaultValue Transfers transfers,
        @NotNull @Valid Participants participants,
        @NotNull @Valid Retention retention,
        @NotNull Map<String, @NotNull @Valid RuleSettings> rules,
        @NotNull @Valid @DefaultValue SubjectRights subjectRights,
        @NotNull @Valid @DefaultValue Register register,
        @NotNull @Valid Schedule schedule) {

    /** The value of {@code clients.minimum-version} that follows Zoom's own minimums (client-minimums.csv). */
    public static final String ZOOM_ENFORCED = "zoom-enforced";

    private static final String DAYS = "is out of range ({min} to {max})";

    /** Who the institution is, the zone its exports' wall-clock times are in, and the language it reports in. */
    public record Institution(
            @NotBlank String name,
            @DefaultValue List<@Pattern(regexp = "[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+",
                    message = "is not a domain name like exemple.fr") String> emailDomains,
            @NotNull ZoneId timezone,
            @NotNull Language language) {

        public Institution {
            emailDomains = emailDomains.stream().map(domain -> domain.strip().toLowerCase(Locale.ROOT)).toList();
        }
    }

    /** A profile's Zoom groups and recording rights. */
    public record ProfilePolicy(@DefaultValue List<@NotBlank String> groups, boolean mayRecord,
            @Range(min = 0, max = 36_500, message = DAYS) int recordingRetentionDays) {

        public ProfilePolicy {
            groups = groups.stream().map(String::strip).toList();
        }
    }

    /** The minimum client version: a version for every platform and date, or Zoom's own ({@link #ZOOM_ENFORCED}). */
    public record Clients(@NotBlank @Pattern(regexp = "\\d+(\\.\\d+){0,3}|" + ZOOM_ENFORCED,
            message = "is not a version like 5.17.0 nor " + ZOOM_ENFORCED) String minimumVersion) {

        public boolean zoomEnforced() {
            return ZOOM_ENFORCED.equals(minimumVersion);
        }
    }

    /** Whether a co-host may record. */
    public record Recording(boolean allowCoHost) {
    }

    /** MEETING_ON_PMI's heuristic for a host whose PMI is unknown: a 10-digit ID used on this many distinct days. */
    public record Pmi(@Range(min = 1, max = 31, message = DAYS) int minDays) {
    }

    /** MEETING_ROOM_REUSED: a non-PMI ID holding this many sessions in a month without a waiting room. */
    public record Reuse(@Range(min = 2, max = 10_000, message = DAYS) int minSessions) {
    }

    /** Thresholds of INTRUSION_SUSPECTED. */
    public record Intrusion(
            @Range(min = 2, max = 100_000, message = DAYS) int minJoins,
            @Range(min = 1, max = 1_440, message = DAYS) int windowMinutes,
            @DecimalMin(value = "0", message = "is not a number between 0 and 1")
            @DecimalMax(value = "1", message = "is not a number between 0 and 1") double minUnidentifiedShare) {
    }

    /** Words that make a meeting topic sensitive. */
    public record SensitiveTopics(@NotEmpty(message = "must list at least one term") List<@NotBlank String> terms) {

        public SensitiveTopics {
            terms = terms == null ? List.of() : terms.stream().map(String::strip).toList();
        }
    }

    /**
     * What identifies a participant: the display names that do not, and the prefixes (regular expressions run by
     * PostgreSQL, checked by {@link PolicyFile}) a name may carry before the first and last name.
     */
    public record Identity(@DefaultValue List<@NotBlank String> genericNames,
            @DefaultValue List<@NotBlank String> acceptedPrefixes) {

        public Identity {
            genericNames = genericNames.stream().map(String::strip).toList();
            acceptedPrefixes = acceptedPrefixes.stream().map(String::strip).toList();
        }

        /** The prefixes anchored at the start of the name, as the rules match them. */
        public List<String> anchoredPrefixes() {
            return acceptedPrefixes.stream().map(prefix -> prefix.startsWith("^") ? prefix : "^(?:" + prefix + ")")
                    .toList();
        }
    }

    /** Countries with an EU adequacy decision, besides the EU/EEA itself. */
    public record Transfers(@DefaultValue Set<@Pattern(regexp = "[A-Z]{2}",
            message = "is not a two-letter country code like CH") String> adequateCountries) {
    }

    /** Whether participants' e-mails are pseudonymised at ingest (host e-mails always stay in clear). */
    public record Participants(boolean pseudonymiseEmails) {
    }

    /** How long the pipeline keeps its own data, in days. */
    public record Retention(
            @Range(min = 1, max = 36_500, message = DAYS) int participantDays,
            @Range(min = 1, max = 36_500, message = DAYS) int signInDays,
            @Range(min = 1, max = 36_500, message = DAYS) int operationLogDays,
            @Range(min = 1, max = 36_500, message = DAYS) int quarantineDays,
            @Range(min = 0, max = 36_500, message = DAYS) int processedFileDays,
            @Range(min = 1, max = 36_500, message = DAYS) int deviationDays,
            @Range(min = 1, max = 36_500, message = DAYS) int reportDays,
            @Range(min = 1, max = 36_500, message = DAYS) int inactiveAccountDays) {
    }

    /** Whether a rule runs and the severity its deviations get. */
    public record RuleSettings(boolean enabled, @NotNull Severity severity) {
    }

    /**
     * The processing information given with a data-subject access (GDPR art. 13 to 15); an empty value means the
     * standard text of the message bundles, in the institution's language.
     */
    public record SubjectRights(@DefaultValue("") String dpoContact, @DefaultValue("") String purposes,
            @DefaultValue("") String legalBasis, @DefaultValue("") String recipients, @DefaultValue("") String source,
            @DefaultValue("") String rights) {
    }

    /**
     * The free texts of the workbook's Register (GDPR art. 30 record) that subject-rights does not give; an empty
     * value means the standard text of the message bundles, in the institution's language.
     */
    public record Register(@DefaultValue("") String controllerContact, @DefaultValue("") String dataSubjects,
            @DefaultValue("") String transferSafeguards, @DefaultValue("") String securityMeasures) {
    }

    /** Cron expressions of the built-in scheduler, in the institution's zone (checked by {@link PolicyFile}). */
    public record Schedule(@NotBlank String nightly, @NotBlank String monthlyReport) {
    }

    public ZoneId zone() {
        return institution.timezone();
    }

    public RuleSettings rule(String code) {
        RuleSettings settings = rules.get(code);
        if (settings == null) {
            throw new IllegalArgumentException("unknown rule code " + code);
        }
        return settings;
    }
}
