package org.zoomcompliance.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.zoomcompliance.config.Profile;

/**
 * Writes a month of synthetic Zoom exports of every kind for an institution of a chosen size, byte for byte
 * the same for the same seed, with a known set of planted deviations listed in {@value #MANIFEST}.
 *
 * <p>Writing is streamed: one meeting's joins and one day's files are held at a time, so a month of millions
 * of rows needs no more memory than a small one. Sizes follow the number of meetings: about 36 joins per
 * meeting (one meeting in 40 is a lecture of 250 to 420 people, exported from the dashboard too), 17 sign-ins
 * per meeting, one person in the institution per three meetings.
 */
public final class ExportGenerator {

    /** The manifest of planted deviations: {@code rule,subject}. */
    public static final String MANIFEST = "expected-deviations.txt";
    /** The smallest month the generator plants every deviation in. */
    public static final int MINIMUM_MEETINGS = 100;
    /** The zone of the wall-clock times written, the default policy's. */
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    static final int LECTURE_EVERY = 40;
    static final int PARTICIPANTS_FILE_EVERY = 150;
    static final int SIGN_INS_PER_MEETING = 17;
    static final int MEETINGS_PER_PERSON = 3;

    /** Generates the month into {@code out} (created if absent); returns what was written. */
    public GenerationSummary generate(YearMonth month, int meetings, long seed, Path out) {
        if (meetings < MINIMUM_MEETINGS) {
            throw new IllegalArgumentException("--meetings must be at least " + MINIMUM_MEETINGS
                    + " so that every deviation can be planted");
        }
        try {
            Files.createDirectories(out);
            return new Run(month, meetings, seed, out).write();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many of each single-meeting plant a month of that many meetings gets. */
    static int plantsPerRule(int meetings) {
        return Math.max(3, meetings / 2000);
    }

    private record Planned(Plant plant, int group, int session, long meetingId, Person host) {
    }

    /** The organiser: a member of the institution, or someone from outside it. */
    private record Host(String name, String email, String department, String groups, Profile profile,
            Person person) {
    }

    private static final class Join {
        String name;
        String email;
        boolean guest;
        LocalDateTime join;
        LocalDateTime leave;
        boolean host;
        boolean waitingRoom;
        boolean recording;
        boolean consent;
        String version;
        String dataCentre;
        int personKey;
    }

    private static final class Run {

        private final YearMonth month;
        private final int meetings;
        private final Path out;
        private final SplittableRandom random;
        private final Population population;
        private final int perRule;
        private final Map<Integer, Planned> plan = new TreeMap<>();
        private final List<String[]> manifest = new ArrayList<>();
        private final List<String[]> recordings = new ArrayList<>();
        private int files;
        private long joins;
        private long dashboardRows;
        private long signIns;
        private long operationLogs;

        Run(YearMonth month, int meetings, long seed, Path out) {
            this.month = month;
            this.meetings = meetings;
            this.out = out;
            this.random = new SplittableRandom(seed);
            this.perRule = plantsPerRule(meetings);
            int size = Math.min(SyntheticValues.FIRST_NAMES.size() * SyntheticValues.LAST_NAMES.size(),
                    Math.max(150, meetings / MEETINGS_PER_PERSON));
            this.population = new Population(size, perRule, month, random);
            planDeviations();
        }

        GenerationSummary write() throws IOException {
            writeUsers();
            int[] boundaries = dayBoundaries();
            try (ExportWriter operations = ExportWriter.portal(out.resolve("operationlog_" + compact(month.atDay(1))
                    + "_" + compact(month.atEndOfMonth()) + ".csv"))) {
                files++;
                operations.row(Layouts.array(Layouts.OPERATION_LOGS));
                for (int day = 1; day <= month.lengthOfMonth(); day++) {
                    LocalDate date = month.atDay(day);
                    int first = boundaries[day - 1];
                    int last = boundaries[day];
                    writeDay(date, first, last);
                    writeSignIns(date, (last - first) * SIGN_INS_PER_MEETING + (day == 1 ? perRule : 0));
                    writeOperations(operations, date, Math.max(1, (last - first) / 10));
                }
            }
            writeAccountDeviations();
            writeRecordings();
            writeManifest();
            long bytes = 0;
            try (var listing = Files.list(out)) {
                for (Path file : (Iterable<Path>) listing::iterator) {
                    bytes += Files.size(file);
                }
            }
            return new GenerationSummary(out, files + 1, meetings, joins, dashboardRows, signIns, operationLogs,
                    population.all().size(), recordings.size(), manifest.size(), bytes);
        }

        // ---------------------------------------------------------------- plan

        private void planDeviations() {
            Set<Integer> pmiHosts = new HashSet<>();
            int groupSerial = 0;
            for (Plant plant : Plant.values()) {
                if (!plant.room()) {
                    continue;
                }
                int groups = plant == Plant.ROOM_REUSED_WITH_WAITING_ROOM ? 1 : perRule;
                int spacing = meetings / plant.sessions();
                for (int group = 0; group < groups; group++) {
                    Person host = population.staffHost(random, Profile.TEACHING);
                    while (plant == Plant.PMI_USE && !pmiHosts.add(host.index())) {
                        host = population.staffHosts().get(random.nextInt(population.staffHosts().size()));
                    }
                    long id = plant == Plant.PMI_USE ? host.pmi() : 89_500_000_000L + 7L * groupSerial;
                    int start = (int) ((groupSerial * 37L + 11) % Math.max(1, spacing));
                    for (int session = 0; session < plant.sessions(); session++) {
                        place(start + session * spacing, new Planned(plant, group, session, id, host));
                    }
                    groupSerial++;
                }
            }
            List<Plant> singles = Arrays.stream(Plant.values()).filter(p -> !p.room()).toList();
            int total = singles.size() * perRule;
            int serial = 0;
            for (int round = 0; round < perRule; round++) {
                for (Plant plant : singles) {
                    place((int) ((serial + 0.5) * meetings / total), new Planned(plant, round, 0, 0, null));
                    serial++;
                }
            }
        }

        private void place(int desired, Planned planned) {
            int index = Math.floorMod(desired, meetings);
            while (plan.containsKey(index)) {
                index = (index + 1) % meetings;
            }
            plan.put(index, planned);
        }

        /** Meeting indices per day: weekdays busy, weekends almost empty. */
        private int[] dayBoundaries() {
            int days = month.lengthOfMonth();
            double[] weights = new double[days];
            double total = 0;
            for (int day = 1; day <= days; day++) {
                DayOfWeek weekday = month.atDay(day).getDayOfWeek();
                weights[day - 1] = weekday == DayOfWeek.SATURDAY ? 0.15 : weekday == DayOfWeek.SUNDAY ? 0.05 : 1.0;
                total += weights[day - 1];
            }
            int[] boundaries = new int[days + 1];
            double cumulative = 0;
            for (int day = 1; day <= days; day++) {
                cumulative += weights[day - 1];
                boundaries[day] = (int) Math.round(meetings * cumulative / total);
            }
            boundaries[days] = meetings;
            return boundaries;
        }

        // ---------------------------------------------------------------- meetings

        private void writeDay(LocalDate date, int first, int last) {
            if (first >= last) {
                return;
            }
            boolean legacy = date.getDayOfMonth() % 2 == 1;
            Path file = out.resolve("meetinglistdetails_" + compact(date) + "_" + compact(date) + ".csv");
            try (ExportWriter details = ExportWriter.portal(file)) {
                files++;
                details.row(Layouts.array(legacy ? Layouts.DETAILS_LEGACY : Layouts.DETAILS_2024));
                for (int index = first; index < last; index++) {
                    meeting(index, date, details, legacy);
                }
            }
        }

        private void meeting(int index, LocalDate date, ExportWriter details, boolean legacyDetails) {
            Planned planned = plan.get(index);
            Plant plant = planned == null ? null : planned.plant();
            // A burst in a lecture would be diluted by the latecomers of a crowd; zoombombers pick smaller rooms.
            boolean lecture = index % LECTURE_EVERY == 7 && plant != Plant.GUEST_BURST;
            Host host = host(planned);
            long meetingId = planned != null && planned.meetingId() != 0 ? planned.meetingId()
                    : 81_000_000_000L + (index * 104_729L) % 8_000_000_000L;
            String topic = topic(host, plant, lecture, planned);
            LocalDateTime start = date.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60));
            int minutes = lecture ? 60 + random.nextInt(61) : 20 + random.nextInt(71);
            LocalDateTime end = start.plusMinutes(minutes).plusSeconds(random.nextInt(60));
            List<Join> rows = joins(host, plant, planned, lecture, start, end);
            String occurrence = meetingId + "@" + isoLocal(start);
            if (plant != null && (!plant.room() || planned.session() == 0)) {
                for (String rule : plant.rules()) {
                    manifest.add(new String[] {rule, plant.room() ? Long.toString(meetingId) : occurrence});
                }
            }
            if (plant == Plant.STUDENT_CLOUD_RECORDING && date.isBefore(month.atEndOfMonth())) {
                // A student may keep no recording at all (retention 0 days): by the inventory's date it is overdue.
                manifest.add(new String[] {"RECORDING_RETENTION_EXCEEDED", occurrence});
            }
            if (plant == Plant.CLOUD_RECORDING || plant == Plant.STUDENT_CLOUD_RECORDING) {
                recordings.add(new String[] {host.email(), topic, Long.toString(meetingId),
                        ExportWriter.Quoted.of(ZoomDates.recording(start.plusSeconds(random.nextInt(30)))),
                        size(), Integer.toString(2 + random.nextInt(3)), Integer.toString(random.nextInt(40)),
                        Integer.toString(random.nextInt(10)), lastAccessed(start)});
            }
            Meeting meeting = new Meeting(meetingId, topic, host, start, end, rows);
            if (planned == null && !lecture && index % PARTICIPANTS_FILE_EVERY == 3) {
                participantsFile(meeting, (index / PARTICIPANTS_FILE_EVERY) % 4);
            } else if (legacyDetails) {
                detailsLegacy(details, meeting);
            } else {
                details2024(details, meeting);
            }
            if (lecture || (plant != null && plant.dashboard())) {
                dashboardFile(meeting, index % 2 == 0);
            }
        }

        private Host host(Planned planned) {
            Plant plant = planned == null ? null : planned.plant();
            if (planned != null && planned.host() != null) {
                return of(planned.host());
            }
            if (plant == Plant.HOST_OUTSIDE_DOMAIN) {
                String first = SyntheticValues.pick(random, SyntheticValues.GUEST_FIRST_NAMES);
                String last = SyntheticValues.pick(random, SyntheticValues.GUEST_LAST_NAMES);
                String email = SyntheticValues.mailPart(first) + "." + SyntheticValues.mailPart(last) + "@"
                        + SyntheticValues.pick(random, SyntheticValues.OUTSIDE_DOMAINS);
                return new Host(first + " " + last, email, "", "", null, null);
            }
            if (plant == Plant.STUDENT_CLOUD_RECORDING || plant == Plant.STUDENT_LOCAL_RECORDING) {
                return of(pickFrom(population.studentHosts()));
            }
            if (plant == Plant.CLOUD_RECORDING || plant == Plant.NON_HOST_RECORDING
                    || plant == Plant.CONSENT_MISSING) {
                return of(population.staffHost(random, Profile.TEACHING));
            }
            return of(random.nextInt(10) == 0 ? pickFrom(population.studentHosts())
                    : pickFrom(population.staffHosts()));
        }

        private static Host of(Person person) {
            return new Host(person.name(), person.email(), person.department(), person.groups(), person.profile(),
                    person);
        }

        private Person pickFrom(List<Person> people) {
            return people.get(random.nextInt(people.size()));
        }

        private String topic(Host host, Plant plant, boolean lecture, Planned planned) {
            if (plant == Plant.SENSITIVE_TOPIC) {
                return SyntheticValues.pick(random, SyntheticValues.SENSITIVE_TOPICS);
            }
            if (plant != null && plant.room()) {
                String course = SyntheticValues.COURSES.get(planned.group() % SyntheticValues.COURSES.size());
                return plant == Plant.PMI_USE ? "Permanence " + course : "TD " + course + " groupe "
                        + (planned.group() + 1);
            }
            if (host.profile() == null) {
                return "Réunion partenaire " + SyntheticValues.pick(random, SyntheticValues.COURSES);
            }
            return switch (host.profile()) {
                case TEACHING -> (lecture ? "Amphi " : random.nextBoolean() ? "Cours " : "TD ")
                        + SyntheticValues.pick(random, SyntheticValues.COURSES);
                case MEETING -> SyntheticValues.pick(random, SyntheticValues.MEETINGS);
                case RECRUITMENT -> SyntheticValues.pick(random, SyntheticValues.RECRUITMENT_MEETINGS);
                case STUDENT -> (lecture ? "Assemblée générale " : "")
                        + SyntheticValues.pick(random, SyntheticValues.STUDENT_MEETINGS);
            };
        }

        private List<Join> joins(Host host, Plant plant, Planned planned, boolean lecture, LocalDateTime start,
                LocalDateTime end) {
            List<Person> active = population.active();
            int wanted = lecture ? 250 + random.nextInt(171) : 2 + random.nextInt(51);
            wanted = Math.min(wanted, active.size() - 1);
            long seconds = Duration.between(start, end).getSeconds();
            boolean recorded = plant == Plant.CLOUD_RECORDING || plant == Plant.STUDENT_CLOUD_RECORDING
                    || plant == Plant.STUDENT_LOCAL_RECORDING || plant == Plant.NON_HOST_RECORDING
                    || plant == Plant.CONSENT_MISSING;
            List<Join> rows = new ArrayList<>(wanted + 16);
            Join organiser = join(host.name(), host.email(), false, start.minusSeconds(random.nextInt(120)), end);
            organiser.host = true;
            organiser.personKey = host.person() == null ? -1 : host.person().index();
            organiser.recording = plant == Plant.STUDENT_LOCAL_RECORDING || plant == Plant.CONSENT_MISSING;
            rows.add(organiser);
            Set<Integer> taken = new HashSet<>();
            if (host.person() != null) {
                taken.add(host.person().index());
            }
            boolean waitingRoom = plant == Plant.ROOM_REUSED_WITH_WAITING_ROOM && planned.session() == 0
                    || plant == null && random.nextInt(5) == 0;
            while (taken.size() < wanted + (host.person() == null ? 0 : 1)) {
                Person person = active.get(random.nextInt(active.size()));
                if (!taken.add(person.index())) {
                    continue;
                }
                long offset = random.nextInt(10) == 0 ? random.nextLong(Math.max(1, seconds / 2))
                        : random.nextInt(lecture ? 600 : 900);
                LocalDateTime joined = start.plusSeconds(offset);
                LocalDateTime left = end.minusSeconds(random.nextInt(300));
                if (!left.isAfter(joined)) {
                    left = joined.plusSeconds(60 + random.nextInt(60));
                }
                String name = random.nextInt(33) == 0 ? person.first() + " " + person.last().toUpperCase(
                        Locale.ROOT) + " (" + person.name() + ")" : person.name();
                if (random.nextInt(20) == 0 && Duration.between(joined, left).getSeconds() > 600) {
                    LocalDateTime drop = joined.plusSeconds(Duration.between(joined, left).getSeconds() / 2);
                    Join first = join(name, person.email(), false, joined, drop);
                    first.personKey = person.index();
                    rows.add(first);
                    joined = drop.plusSeconds(60 + random.nextInt(240));
                }
                Join attendee = join(name, person.email(), false, joined, left);
                attendee.personKey = person.index();
                attendee.waitingRoom = waitingRoom && random.nextInt(8) == 0;
                rows.add(attendee);
            }
            if (plant == null && host.person() != null && random.nextInt(16) == 0) {
                int guests = 1 + random.nextInt(2);
                Set<String> names = new HashSet<>();
                for (int g = 0; g < guests; g++) {
                    String name = SyntheticValues.pick(random, SyntheticValues.GUEST_FIRST_NAMES) + " "
                            + SyntheticValues.pick(random, SyntheticValues.GUEST_LAST_NAMES);
                    if (names.add(name)) {
                        rows.add(guest(name, start.plusSeconds(random.nextLong(Math.max(1, seconds / 2))), end));
                    }
                }
            }
            if (plant == Plant.UNIDENTIFIED_NAME) {
                rows.add(guest(SyntheticValues.pick(random, SyntheticValues.UNIDENTIFIED_NAMES),
                        start.plusSeconds(random.nextInt(600)), end));
            }
            if (plant == Plant.GUEST_BURST) {
                LocalDateTime burst = start.plusSeconds(seconds / 3);
                for (String name : SyntheticValues.BOMBER_NAMES) {
                    LocalDateTime joined = burst.plusSeconds(random.nextInt(90));
                    rows.add(guest(name, joined, joined.plusSeconds(30 + random.nextInt(300))));
                }
            }
            decorate(rows, plant, recorded);
            return rows;
        }

        /** Recording flags, consent, client versions and data centres, with the planted exceptions. */
        private void decorate(List<Join> rows, Plant plant, boolean recorded) {
            int missingConsent = plant == Plant.CONSENT_MISSING ? 2 + random.nextInt(2) : 0;
            int outdated = plant == Plant.OUTDATED_CLIENT ? 2 + random.nextInt(4) : 0;
            int abroad = plant == Plant.DATA_CENTRE_OUTSIDE_EU ? 2 + random.nextInt(3) : 0;
            boolean recorderPlanted = plant != Plant.NON_HOST_RECORDING;
            for (int i = 0; i < rows.size(); i++) {
                Join row = rows.get(i);
                row.consent = recorded;
                row.version = SyntheticValues.pick(random, SyntheticValues.CURRENT_VERSIONS);
                row.dataCentre = SyntheticValues.pick(random, SyntheticValues.EU_DATA_CENTRES);
                if (row.host || row.guest) {
                    continue;
                }
                if (missingConsent > 0) {
                    row.consent = false;
                    missingConsent--;
                } else if (outdated > 0) {
                    row.version = SyntheticValues.pick(random, SyntheticValues.OUTDATED_VERSIONS);
                    outdated--;
                } else if (abroad > 0) {
                    row.dataCentre = SyntheticValues.US_DATA_CENTRE;
                    abroad--;
                } else if (!recorderPlanted) {
                    row.recording = true;
                    recorderPlanted = true;
                }
            }
        }

        private static Join join(String name, String email, boolean guest, LocalDateTime joined,
                LocalDateTime left) {
            Join row = new Join();
            row.name = name;
            row.email = email;
            row.guest = guest;
            row.join = joined;
            row.leave = left;
            row.personKey = -1;
            return row;
        }

        private static Join guest(String name, LocalDateTime joined, LocalDateTime end) {
            LocalDateTime left = end.isAfter(joined) ? end : joined.plusSeconds(120);
            return join(name, "", true, joined, left);
        }

        private String lastAccessed(LocalDateTime recorded) {
            return random.nextBoolean() ? ""
                    : ExportWriter.Quoted.of(ZoomDates.recording(recorded.plusDays(1 + random.nextInt(20))
                            .plusMinutes(random.nextInt(600))));
        }

        private String size() {
            return (50 + random.nextInt(900)) + "." + String.format(Locale.ROOT, "%04d",
                    random.nextInt(10000));
        }

        // ---------------------------------------------------------------- participants and details

        private record Meeting(long id, String topic, Host host, LocalDateTime start, LocalDateTime end,
                List<Join> joins) {

            int participants() {
                Set<String> people = new HashSet<>();
                for (Join join : joins) {
                    people.add(join.personKey >= 0 ? "#" + join.personKey : join.name);
                }
                return people.size();
            }

            long minutes() {
                return minutesBetween(start, end);
            }

            long participantMinutes() {
                long total = 0;
                for (Join join : joins) {
                    total += minutesBetween(join.join, join.leave);
                }
                return total;
            }
        }

        private void detailsLegacy(ExportWriter details, Meeting meeting) {
            String id = Long.toString(meeting.id());
            String participants = Integer.toString(meeting.participants());
            String created = ZoomDates.usual(meeting.start().minusDays(3).minusMinutes(meeting.id() % 500));
            for (Join join : meeting.joins()) {
                details.row(meeting.topic(), id, meeting.host().name(), meeting.host().email(),
                        meeting.host().department(), meeting.host().groups(), "No", created,
                        ZoomDates.usual(meeting.start()), ZoomDates.usual(meeting.end()),
                        Long.toString(meeting.minutes()), participants, join.name, join.email,
                        ZoomDates.usual(join.join), ZoomDates.usual(join.leave),
                        Long.toString(minutesBetween(join.join, join.leave)), yesNo(join.guest),
                        join.consent ? "Y" : "", yesNo(join.waitingRoom));
                joins++;
            }
        }

        private void details2024(ExportWriter details, Meeting meeting) {
            String id = spaced(meeting.id());
            String participants = Integer.toString(meeting.participants());
            String created = ZoomDates.usual(meeting.start().minusDays(3).minusMinutes(meeting.id() % 500));
            String campus = SyntheticValues.CAMPUSES.get((int) (meeting.id() % SyntheticValues.CAMPUSES.size()));
            String totalMinutes = Long.toString(meeting.participantMinutes());
            for (Join join : meeting.joins()) {
                details.row(meeting.topic(), "Meeting", id, meeting.host().name(), meeting.host().email(),
                        ZoomDates.usual(meeting.start()), ZoomDates.usual(meeting.end()), participants,
                        Long.toString(meeting.minutes()), totalMinutes, meeting.host().department(),
                        meeting.host().groups(), "Zoom", "", "", created, campus, roleTagged(join), join.email,
                        ZoomDates.usual(join.join), ZoomDates.usual(join.leave),
                        Long.toString(minutesBetween(join.join, join.leave)), yesNo(join.guest),
                        join.consent ? "OK" : "", yesNo(join.waitingRoom));
                joins++;
            }
        }

        /**
         * One meeting's participants export, in one of four shapes: legacy with meeting data, 2024+ with meeting
         * data, legacy participants only (the meeting ID is then in the file name), 2024+ unique users.
         */
        private void participantsFile(Meeting meeting, int variant) {
            try (ExportWriter file = ExportWriter.portal(out.resolve("participants_" + meeting.id() + ".csv"))) {
                files++;
                switch (variant) {
                    case 0 -> {
                        file.rowWithTrailingComma(Layouts.array(Layouts.PARTICIPANTS_MEETING_LEGACY));
                        file.rowWithTrailingComma(Long.toString(meeting.id()), meeting.topic(),
                                ZoomDates.usual(meeting.start()), ZoomDates.usual(meeting.end()),
                                meeting.host().email(), Long.toString(meeting.minutes()),
                                Integer.toString(meeting.participants()));
                        file.blankLine();
                        legacyParticipants(file, meeting);
                    }
                    case 1 -> {
                        meetingBlock2024(file, meeting);
                        file.row(Layouts.array(Layouts.PARTICIPANTS_2024));
                        for (Join join : meeting.joins()) {
                            file.row(roleTagged(join), join.email, ZoomDates.usual(join.join),
                                    ZoomDates.usual(join.leave), Long.toString(minutesBetween(join.join, join.leave)),
                                    yesNo(join.guest), join.consent ? "OK" : "", yesNo(join.waitingRoom));
                            joins++;
                        }
                    }
                    case 2 -> legacyParticipants(file, meeting);
                    default -> {
                        meetingBlock2024(file, meeting);
                        file.row(Layouts.array(Layouts.PARTICIPANTS_UNIQUE_2024));
                        Map<String, long[]> totals = new LinkedHashMap<>();
                        Map<String, Join> first = new LinkedHashMap<>();
                        for (Join join : meeting.joins()) {
                            String key = join.personKey >= 0 ? "#" + join.personKey : join.name;
                            totals.computeIfAbsent(key, k -> new long[1])[0] += minutesBetween(join.join, join.leave);
                            first.putIfAbsent(key, join);
                        }
                        for (Map.Entry<String, Join> entry : first.entrySet()) {
                            Join join = entry.getValue();
                            file.row(roleTagged(join), join.email, Long.toString(totals.get(entry.getKey())[0]),
                                    yesNo(join.guest));
                            joins++;
                        }
                    }
                }
            }
        }

        private void meetingBlock2024(ExportWriter file, Meeting meeting) {
            file.row(Layouts.array(Layouts.PARTICIPANTS_MEETING_2024));
            file.rowWithTrailingComma(meeting.topic(), spaced(meeting.id()), meeting.host().name(),
                    Long.toString(meeting.minutes()), ExportWriter.Quoted.of(ZoomDates.usual(meeting.start())),
                    ExportWriter.Quoted.of(ZoomDates.usual(meeting.end())), Integer.toString(meeting.participants()));
            file.blankLine();
        }

        private void legacyParticipants(ExportWriter file, Meeting meeting) {
            file.row(Layouts.array(Layouts.PARTICIPANTS_LEGACY));
            for (Join join : meeting.joins()) {
                file.row(join.name, join.email, ZoomDates.usual(join.join), ZoomDates.usual(join.leave),
                        Long.toString(minutesBetween(join.join, join.leave)), yesNo(join.guest),
                        join.consent ? "Y" : "", yesNo(join.waitingRoom));
                joins++;
            }
        }

        // ---------------------------------------------------------------- dashboard

        private void dashboardFile(Meeting meeting, boolean api) {
            Path file = out.resolve("dashboard_participants_" + meeting.id() + "_" + compact(meeting.start().toLocalDate())
                    + ".csv");
            boolean recorded = meeting.joins().stream().anyMatch(join -> join.recording);
            try (ExportWriter dashboard = ExportWriter.portal(file)) {
                files++;
                dashboard.row(Layouts.array(Layouts.DASHBOARD_MEETING));
                dashboard.row(Long.toString(meeting.id()), meeting.host().name(), meeting.host().email(),
                        meeting.host().person() == null || meeting.host().person().student() ? "Basic" : "Licensed",
                        ZoomDates.dashboard(meeting.start()), ZoomDates.dashboard(meeting.end()),
                        ZoomDates.clock(Duration.between(meeting.start(), meeting.end()).getSeconds()),
                        Integer.toString(meeting.participants()), "No", "Yes", "No", "Yes", "Yes",
                        recorded ? "Yes" : "No", "No");
                dashboard.blankLine();
                dashboard.row(Layouts.array(api ? Layouts.DASHBOARD_PARTICIPANTS_API : Layouts.DASHBOARD_PARTICIPANTS));
                for (Join join : meeting.joins()) {
                    String device = SyntheticValues.pick(random, SyntheticValues.DEVICES);
                    boolean member = join.personKey >= 0;
                    dashboard.row(join.name, join.email, device, SyntheticValues.address(random),
                            SyntheticValues.pick(random, SyntheticValues.LOCATIONS),
                            SyntheticValues.pick(random, SyntheticValues.NETWORKS), join.dataCentre,
                            SyntheticValues.pick(random, SyntheticValues.CONNECTIONS),
                            api ? ZoomDates.api(join.join, ZONE) : ZoomDates.usual(join.join),
                            api ? ZoomDates.api(join.leave, ZONE) : ZoomDates.usual(join.leave),
                            api ? Boolean.toString(join.recording) : yesNo(join.recording), join.version,
                            join.host ? "Host" : "Attendee",
                            member && device.equals("Windows") ? "DESKTOP-" + hex(6).toUpperCase(Locale.ROOT) : "",
                            member ? "exemple.local" : "", macAddress(), member ? hex(16) : "",
                            join.host ? "Host ended the meeting." : "left the meeting");
                    dashboardRows++;
                }
            }
        }

        private String macAddress() {
            StringBuilder text = new StringBuilder(17);
            for (int i = 0; i < 6; i++) {
                if (i > 0) {
                    text.append(':');
                }
                text.append(Character.forDigit(random.nextInt(16), 16)).append(Character.forDigit(random.nextInt(16), 16));
            }
            return text.toString().toUpperCase(Locale.ROOT);
        }

        private String hex(int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(Character.forDigit(random.nextInt(16), 16));
            }
            return text.toString();
        }

        // ---------------------------------------------------------------- sign-ins, operations, accounts

        private void writeSignIns(LocalDate date, int count) {
            if (count == 0) {
                return;
            }
            boolean api = date.getDayOfMonth() % 2 == 0;
            Path file = out.resolve("signinout_" + compact(date) + "_" + compact(date) + ".csv");
            long[] times = new long[count];
            for (int i = 0; i < count; i++) {
                times[i] = 7 * 3600 + random.nextInt(15 * 3600);
            }
            Arrays.sort(times);
            List<Person> active = population.active();
            List<Person> outdated = population.staffHosts().subList(0, Math.min(perRule,
                    population.staffHosts().size()));
            try (ExportWriter signIn = api ? ExportWriter.plain(file) : ExportWriter.portal(file)) {
                files++;
                signIn.row(Layouts.array(api ? Layouts.SIGN_INS_API : Layouts.SIGN_INS));
                // Zoom lists the newest first.
                for (int i = count - 1; i >= 0; i--) {
                    boolean planted = date.getDayOfMonth() == 1 && i < outdated.size();
                    Person person = planted ? outdated.get(i) : active.get(random.nextInt(active.size()));
                    LocalDateTime time = date.atStartOfDay().plusSeconds(times[i]);
                    String type = random.nextInt(3) == 0 ? "Sign out" : "Sign in";
                    String version = planted ? SyntheticValues.pick(random, SyntheticValues.OUTDATED_VERSIONS)
                            : SyntheticValues.pick(random, SyntheticValues.CURRENT_VERSIONS);
                    String client = SyntheticValues.pick(random, SyntheticValues.CLIENT_TYPES);
                    String address = SyntheticValues.address(random);
                    if (api) {
                        signIn.row(person.email(), ZoomDates.api(time, ZONE), type, address, client, version);
                    } else {
                        signIn.row(ZoomDates.usual(time), person.email(), type, address, client, version);
                    }
                    signIns++;
                }
            }
            if (date.getDayOfMonth() == 1) {
                for (Person person : outdated) {
                    manifest.add(new String[] {"CLIENT_OUTDATED", person.email()});
                }
            }
        }

        private void writeOperations(ExportWriter operations, LocalDate date, int count) {
            List<Person> people = population.active();
            for (int i = 0; i < count; i++) {
                Person person = people.get(random.nextInt(people.size()));
                LocalDateTime time = date.atTime(8 + random.nextInt(10), random.nextInt(60), random.nextInt(60));
                String[] entry = switch (random.nextInt(4)) {
                    case 0 -> new String[] {"User", "Update", "Update user " + person.email() + " : Last Name: "
                            + person.last() + " "};
                    case 1 -> new String[] {"User", "Add", "Add user " + person.email() + " "};
                    case 2 -> new String[] {"Recording", "Update", "Local recording: on, user "
                            + person.email() + " "};
                    default -> new String[] {"Account", "Update", "Waiting room: on "};
                };
                operations.row(ZoomDates.usual(time), "admin.zoom@exemple.fr", entry[0], entry[1], entry[2]);
                operationLogs++;
            }
        }

        private void writeUsers() {
            try (ExportWriter users = ExportWriter.portal(out.resolve("zoomus_users.csv"))) {
                files++;
                users.row(Layouts.array(Layouts.USERS));
                for (Person person : population.all()) {
                    users.row(person.email(), person.first(), person.last(),
                            person.student() ? "Basic" : "Licensed", person.department(), person.groups(),
                            ZoomDates.usual(person.lastLogin()), Long.toString(person.pmi()),
                            ZoomDates.usual(person.created()));
                }
            }
        }

        private void writeAccountDeviations() {
            for (Person person : population.multiProfile()) {
                manifest.add(new String[] {"ACCOUNT_MULTIPLE_PROFILES", person.email()});
            }
            for (Person person : population.inactive()) {
                manifest.add(new String[] {"ACCOUNT_INACTIVE", person.email()});
            }
        }

        /** The inventory on the month's last day, with recordings kept from months before (retention plants). */
        private void writeRecordings() {
            LocalDate inventory = month.atEndOfMonth();
            for (int i = 0; i < perRule; i++) {
                Person host = population.staffHost(random, Profile.MEETING);
                LocalDateTime recorded = month.minusMonths(3).atDay(3 + i).atTime(10 + i % 6, 5 + i, 12);
                long id = 81_000_000_000L - 1_000_003L * (i + 1);
                recordings.add(new String[] {host.email(), "Réunion de service", Long.toString(id),
                        ExportWriter.Quoted.of(ZoomDates.recording(recorded)), size(), "3",
                        Integer.toString(random.nextInt(20)), "0", lastAccessed(recorded)});
                String occurrence = id + "@" + isoLocal(recorded);
                manifest.add(new String[] {"RECORDING_CLOUD", occurrence});
                manifest.add(new String[] {"RECORDING_RETENTION_EXCEEDED", occurrence});
            }
            try (ExportWriter file = ExportWriter.portal(out.resolve("zoomus_recordings__" + compact(inventory)
                    + ".csv"))) {
                files++;
                file.rowWithTrailingComma(Layouts.array(Layouts.RECORDINGS));
                for (String[] recording : recordings) {
                    file.rowWithTrailingComma(recording);
                }
            }
        }

        private void writeManifest() {
            manifest.sort((a, b) -> a[0].compareTo(b[0]) != 0 ? a[0].compareTo(b[0]) : a[1].compareTo(b[1]));
            try (ExportWriter file = ExportWriter.plain(out.resolve(MANIFEST))) {
                file.row("rule", "subject");
                for (String[] line : manifest) {
                    file.row(line);
                }
            }
        }

        // ---------------------------------------------------------------- small helpers

        private static String roleTagged(Join join) {
            return join.host ? join.name + " (Host)" : join.name;
        }

        private static String yesNo(boolean value) {
            return value ? "Yes" : "No";
        }

        private static long minutesBetween(LocalDateTime from, LocalDateTime to) {
            long seconds = Duration.between(from, to).getSeconds();
            return Math.max(1, (seconds + 59) / 60);
        }

        /** {@code 852 1848 6288}: how the 2024+ exports print an 11-digit ID (10-digit PMIs as 3-3-4). */
        private static String spaced(long id) {
            String digits = Long.toString(id);
            int head = digits.length() - 8;
            return digits.length() == 10
                    ? digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6)
                    : digits.substring(0, head) + " " + digits.substring(head, head + 4) + " " + digits.substring(head + 4);
        }

        private static String compact(LocalDate date) {
            return date.toString().replace("-", "");
        }

        private static String isoLocal(LocalDateTime time) {
            return String.format(Locale.ROOT, "%sT%02d:%02d:%02d", time.toLocalDate(), time.getHour(),
                    time.getMinute(), time.getSecond());
        }
    }
}
