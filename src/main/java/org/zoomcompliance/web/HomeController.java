package org.zoomcompliance.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zoomcompliance.operations.AuditLog;

/** The sign-in page, the start page and the audit trail. */
@Controller
@ConditionalOnWebApplication
class HomeController {

    private static final int AUDIT_PAGE = 500;

    private final AuditLog audit;

    HomeController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String index() {
        return "index";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("events", audit.recent(AUDIT_PAGE));
        model.addAttribute("limit", AUDIT_PAGE);
        return "audit";
    }
}
