package org.zoomcompliance.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.zoomcompliance.config.Policy;

/**
 * What every page needs: who is signed in and which sections they may open, the institution's name, and the
 * times helper with the one zone every time is shown in.
 */
@ControllerAdvice
@ConditionalOnWebApplication
class ConsoleModel {

    private final ConsoleTimes times;
    private final String institution;

    ConsoleModel(ConsoleTimes times, Policy policy) {
        this.times = times;
        this.institution = policy.institution().name();
    }

    @ModelAttribute("times")
    ConsoleTimes times() {
        return times;
    }

    @ModelAttribute("institution")
    String institution() {
        return institution;
    }

    @ModelAttribute("user")
    String user(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @ModelAttribute("dpo")
    boolean dpo(Authentication authentication) {
        return hasRole(authentication, "ROLE_DPO");
    }

    @ModelAttribute("operator")
    boolean operator(Authentication authentication) {
        return hasRole(authentication, "ROLE_OPERATOR");
    }

    private static boolean hasRole(Authentication authentication, String role) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(role::equals);
    }
}
