package org.zoomcompliance.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's header needs: who is signed in and which sections they may open. */
@ControllerAdvice
@ConditionalOnWebApplication
class ConsoleModel {

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
