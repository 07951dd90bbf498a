package org.zoomcompliance.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.month.MonthRegister;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.operations.JobGuard;

/** The DPO's pages: the monthly workbooks and their download, and a month's deviations and their CSV export. */
@Controller
@ConditionalOnWebApplication
class ReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportCatalogue catalogue;
    private final AuditLog audit;
    private final HomeFolder home;
    private final MonthRegister register;
    private final JobGuard guard;
    private final ConsoleTimes times;
    /** Says the export's header in the request's language (console.properties). */
    private final MessageSourceAccessor say;

    ReportController(ReportCatalogue catalogue, AuditLog audit, HomeFolder home, MonthRegister register,
            JobGuard guard, ConsoleTimes times, MessageSource messages) {
        this.say = new MessageSourceAccessor(messages);
        this.catalogue = catalogue;
        this.audit = audit;
        this.home = home;
        this.register = register;
        this.guard = guard;
        this.times = times;
    }

    /** One rule's line of a month: its open deviations and those resolved this month. */
    record RuleCount(String rule, long open, long resolved) {
    }

    @GetMapping("/reports")
    String reports(Model model) {
        model.addAttribute("reports", catalogue.reports());
        return "reports";
    }

    /**
     * Sends a workbook as an attachment, after checking it is still the file that was registered (same SHA-256)
     * and that it lies in the home's {@code reports/}; the download is audited with that hash. A {@code HEAD}
     * sends no file, so it is not a download.
     */
    @GetMapping("/reports/{id}/download")
    ResponseEntity<Resource> download(@PathVariable String id, Authentication user, HttpMethod method) throws IOException {
        ReportCatalogue.Report report = catalogue.report(WebParameters.id(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such report"));
        Path reports = home.reports().toRealPath();
        Path file = home.root().resolve(report.path()).normalize();
        if (!Files.isRegularFile(file) || !file.toRealPath().startsWith(reports)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "the workbook file is missing");
        }
        if (!FileHashes.sha256(file).equals(report.sha256())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "the workbook file does not match its registered SHA-256");
        }
        if (!HttpMethod.HEAD.equals(method)) {
            audit.record(user.getName(), AuditLog.DOWNLOAD, "report " + report.month() + " v" + report.version(),
                    report.sha256(), file.getFileName().toString());
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.getFileName().toString(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .contentType(XLSX)
                .contentLength(Files.size(file))
                .body(new FileSystemResource(file));
    }

    /**
     * A month's deviations, a page at a time, filtered by status, rule, severity, host and meeting ID. Without a
     * month, the page opens on the last month evaluated before the current one, which is still incomplete.
     */
    @GetMapping("/deviations")
    String deviations(@RequestParam(required = false) String month, @RequestParam(required = false) String status,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String host, @RequestParam(required = false) String meeting,
            @RequestParam(required = false) String page, Model model) {
        List<YearMonth> months = catalogue.months();
        YearMonth selected = month == null || month.isEmpty() ? defaultMonth(months) : WebParameters.month(month);
        DeviationFilter filter = new DeviationFilter(selected, WebParameters.status(status), WebParameters.rule(rule),
                WebParameters.severity(severity), WebParameters.host(host), WebParameters.meetingId(meeting));
        int pageNumber = WebParameters.page(page);
        model.addAttribute("months", months);
        model.addAttribute("month", selected);
        model.addAttribute("filter", filter);
        model.addAttribute("severities", List.of("HIGH", "MEDIUM", "LOW"));
        model.addAttribute("statuses", List.of(DeviationFilter.OPEN, DeviationFilter.RESOLVED));
        model.addAttribute("current", YearMonth.from(guard.today()));
        // A month not evaluated (never, or without input) says so, never "0 deviation(s)".
        boolean evaluated = selected != null && register.evaluated(selected);
        model.addAttribute("evaluated", evaluated);
        if (selected == null) {
            model.addAttribute("rules", List.of());
            model.addAttribute("deviations", List.of());
            model.addAttribute("perRule", List.of());
            return "deviations";
        }
        long matching = catalogue.count(filter);
        int pages = (int) Math.max(1, (matching + ReportCatalogue.DEVIATION_PAGE - 1) / ReportCatalogue.DEVIATION_PAGE);
        int shown = Math.min(pageNumber, pages);
        model.addAttribute("rules", catalogue.rules(selected));
        model.addAttribute("total", catalogue.countOpen(filter));
        model.addAttribute("resolved", catalogue.countResolved(filter));
        model.addAttribute("matching", matching);
        model.addAttribute("page", shown);
        model.addAttribute("pages", pages);
        model.addAttribute("first", matching == 0 ? 0 : (shown - 1L) * ReportCatalogue.DEVIATION_PAGE + 1);
        model.addAttribute("deviations", catalogue.deviations(filter, (shown - 1) * ReportCatalogue.DEVIATION_PAGE,
                ReportCatalogue.DEVIATION_PAGE));
        model.addAttribute("query", filter.query());
        model.addAttribute("workbook", catalogue.workbook(selected).orElse(null));
        MonthRegister.Counts counts = register.counts(selected);
        Set<String> rules = new TreeSet<>(counts.open().keySet());
        rules.addAll(counts.resolved().keySet());
        model.addAttribute("perRule", rules.stream()
                .map(code -> new RuleCount(code, counts.open(code), counts.resolved(code))).toList());
        return "deviations";
    }

    /**
     * The deviations of a filter, every page, as CSV; audited as a download with the SHA-256 of what was sent,
     * since it names hosts.
     */
    @GetMapping("/deviations/export.csv")
    ResponseEntity<byte[]> export(@RequestParam String month, @RequestParam(required = false) String status,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
            @RequestParam(required = false) String host, @RequestParam(required = false) String meeting,
            Authentication user) {
        DeviationFilter filter = new DeviationFilter(WebParameters.month(month), WebParameters.status(status),
                WebParameters.rule(rule), WebParameters.severity(severity), WebParameters.host(host),
                WebParameters.meetingId(meeting));
        List<ReportCatalogue.Deviation> rows = catalogue.deviations(filter, 0, Integer.MAX_VALUE);
        byte[] csv = DeviationCsv.of(rows, filter.month().toString(), times, say);
        String name = "deviations-" + filter.month() + ".csv";
        audit.record(user.getName(), AuditLog.DOWNLOAD, "deviations " + filter.month() + " (" + rows.size() + " rows)",
                FileHashes.sha256(csv), name);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }

    /**
     * The month the Deviations page opens on: the newest one evaluated before the current month (the current one is
     * still incomplete; docs/months.md); else the newest evaluated; else the newest with anything at all.
     */
    private YearMonth defaultMonth(List<YearMonth> months) {
        YearMonth current = YearMonth.from(guard.today());
        List<YearMonth> evaluated = register.months().stream().filter(register::evaluated).toList();
        return evaluated.stream().filter(month -> month.isBefore(current)).findFirst()
                .or(() -> evaluated.stream().findFirst())
                .orElse(months.stream().findFirst().orElse(null));
    }
}
