package org.zoomcompliance.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zoomcompliance.operations.AuditLog;

/** The sign-in page, the start page (a dashboard, {@link Dashboard}) and the audit trail. */
@Controller
@ConditionalOnWebApplication
class HomeController {

    private static final int AUDIT_PAGE = 500;

    private final AuditLog audit;
    private final Dashboard dashboard;

    HomeController(AuditLog audit, Dashboard dashboard) {
        this.audit = audit;
        this.dashboard = dashboard;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String index(Model model) {
        model.addAttribute("workbook", dashboard.latestWorkbook().orElse(null));
        model.addAttribute("nightly", dashboard.lastNightly().orElse(null));
        model.addAttribute("problems", dashboard.problems());
        model.addAttribute("problemCount", dashboard.problemCount());
        model.addAttribute("quarantined", dashboard.quarantinedThisWeek());
        model.addAttribute("quarantinedCount", dashboard.quarantinedThisWeekCount());
        return "index";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("events", audit.recent(AUDIT_PAGE));
        model.addAttribute("limit", AUDIT_PAGE);
        return "audit";
    }
}
