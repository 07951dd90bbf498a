package org.zoomcompliance.generate;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.zoomcompliance.config.Profile;

/**
 * The institution's members. Names are unique (no two people share a display name, so nobody looks like an
 * impersonation by accident); the last {@code reserved} people are kept for the account deviations and never
 * host: the inactive accounts take no part in the month at all.
 */
final class Population {

    static final String STAFF_DOMAIN = "exemple.fr";
    static final String STUDENT_DOMAIN = "etu.exemple.fr";

    private final List<Person> people;
    private final List<Person> staffHosts = new ArrayList<>();
    private final List<Person> studentHosts = new ArrayList<>();
    private final List<Person> active = new ArrayList<>();
    private final List<Person> inactive = new ArrayList<>();
    private final List<Person> multiProfile = new ArrayList<>();

    Population(int size, int planted, YearMonth month, SplittableRandom random) {
        int names = SyntheticValues.FIRST_NAMES.size() * SyntheticValues.LAST_NAMES.size();
        int offset = random.nextInt(names);
        LocalDateTime monthEnd = month.atEndOfMonth().atTime(18, 0);
        people = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            // 7919 is prime, so i -> (7919 i + offset) mod 10,000 visits each name once.
            int name = (int) ((7919L * i + offset) % names);
            int firstIndex = name % 100;
            int lastIndex = (name / 100 + 3 * firstIndex) % 100;
            String first = SyntheticValues.FIRST_NAMES.get(firstIndex);
            String last = SyntheticValues.LAST_NAMES.get(lastIndex);
            boolean inactiveAccount = i >= size - planted;
            boolean multi = !inactiveAccount && i >= size - 2 * planted;
            Profile profile = profileOf(random.nextInt(100));
            if (multi) {
                profile = Profile.TEACHING;
            }
            String domain = profile == Profile.STUDENT ? STUDENT_DOMAIN : STAFF_DOMAIN;
            String email = SyntheticValues.mailPart(first) + "." + SyntheticValues.mailPart(last) + "@" + domain;
            String groups = multi ? "Enseignement, Réunion" : groupOf(profile);
            LocalDateTime lastLogin = inactiveAccount
                    ? monthEnd.minusDays(400 + random.nextInt(400)).withSecond(random.nextInt(60))
                    : monthEnd.minusDays(random.nextInt(60)).minusMinutes(random.nextInt(600))
                            .withSecond(random.nextInt(60));
            LocalDateTime created = lastLogin.minusDays(200 + random.nextInt(2000)).withHour(9 + random.nextInt(8));
            long pmi = 2_000_000_000L + (1_000_003L * i + random.nextInt(1000)) % 7_000_000_000L;
            Person person = new Person(i, first, last, email, profile, groups,
                    SyntheticValues.pick(random, SyntheticValues.DEPARTMENTS), pmi, lastLogin, created);
            people.add(person);
            if (inactiveAccount) {
                inactive.add(person);
                continue;
            }
            active.add(person);
            if (multi) {
                multiProfile.add(person);
            } else if (profile == Profile.STUDENT) {
                studentHosts.add(person);
            } else {
                staffHosts.add(person);
            }
        }
    }

    private static Profile profileOf(int percent) {
        if (percent < 70) {
            return Profile.STUDENT;
        }
        if (percent < 88) {
            return Profile.TEACHING;
        }
        if (percent < 97) {
            return Profile.MEETING;
        }
        return Profile.RECRUITMENT;
    }

    private static String groupOf(Profile profile) {
        return switch (profile) {
            case STUDENT -> "Etudiant";
            case MEETING -> "Réunion";
            case TEACHING -> "Enseignement";
            case RECRUITMENT -> "Recrutement";
        };
    }

    List<Person> all() {
        return people;
    }

    /** People who take part in meetings and sign in this month. */
    List<Person> active() {
        return active;
    }

    List<Person> staffHosts() {
        return staffHosts;
    }

    List<Person> studentHosts() {
        return studentHosts;
    }

    List<Person> inactive() {
        return inactive;
    }

    List<Person> multiProfile() {
        return multiProfile;
    }

    Person staffHost(SplittableRandom random, Profile profile) {
        for (int attempt = 0; attempt < 64; attempt++) {
            Person candidate = staffHosts.get(random.nextInt(staffHosts.size()));
            if (candidate.profile() == profile) {
                return candidate;
            }
        }
        return staffHosts.stream().filter(p -> p.profile() == profile).findFirst()
                .orElse(staffHosts.get(0));
    }
}
