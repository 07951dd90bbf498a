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

/** The DPO's pages: the monthly workbooks and their download, and a month's deviations. */
@Controller
@ConditionalOnWebApplication
class ReportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportCatalogue catalogue;
    private final AuditLog audit;
    private final HomeFolder home;
    private final MonthRegister register;

    ReportController(ReportCatalogue catalogue, AuditLog audit, HomeFolder home, MonthRegister register) {
        this.catalogue = catalogue;
        this.audit = audit;
        this.home = home;
        this.register = register;
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

    @GetMapping("/deviations")
    String deviations(@RequestParam(required = false) String month, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String severity, Model model) {
        List<YearMonth> months = catalogue.months();
        YearMonth selected = month == null || month.isEmpty()
                ? months.stream().findFirst().orElse(null)
                : WebParameters.month(month);
        String ruleFilter = WebParameters.rule(rule);
        String severityFilter = WebParameters.severity(severity);
        model.addAttribute("months", months);
        model.addAttribute("month", selected);
        model.addAttribute("rule", ruleFilter);
        model.addAttribute("severity", severityFilter);
        model.addAttribute("severities", List.of("HIGH", "MEDIUM", "LOW"));
        model.addAttribute("limit", ReportCatalogue.DEVIATION_PAGE);
        // A month not evaluated (never, or without input) says so, never "0 deviation(s)".
        boolean evaluated = selected != null && register.evaluated(selected);
        model.addAttribute("evaluated", evaluated);
        if (selected != null) {
            model.addAttribute("rules", catalogue.rules(selected));
            model.addAttribute("total", catalogue.countOpen(selected, ruleFilter, severityFilter));
            model.addAttribute("resolved", catalogue.countResolved(selected, ruleFilter, severityFilter));
            model.addAttribute("deviations", catalogue.deviations(selected, ruleFilter, severityFilter));
            MonthRegister.Counts counts = register.counts(selected);
            Set<String> rules = new TreeSet<>(counts.open().keySet());
            rules.addAll(counts.resolved().keySet());
            model.addAttribute("perRule", rules.stream()
                    .map(code -> new RuleCount(code, counts.open(code), counts.resolved(code))).toList());
        } else {
            model.addAttribute("rules", List.of());
            model.addAttribute("total", 0L);
            model.addAttribute("resolved", 0L);
            model.addAttribute("deviations", List.of());
            model.addAttribute("perRule", List.of());
        }
        return "deviations";
    }
}
