package org.zoomcompliance.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UrlPathHelper;
import org.zoomcompliance.config.Policy;

/**
 * What every page needs: who is signed in and which sections they may open, the institution's name, and the
 * times helper with the one zone every time is shown in, and the links that show the page in the other language.
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

    /**
     * The same page in English and in French ({@code en}, {@code fr}): its path and parameters with {@code lang} set.
     * A page answered to a form (POST) or an error links to the start page instead, which can be asked again.
     */
    @ModelAttribute("languages")
    Map<String, String> languages(HttpServletRequest request) {
        return Map.of("en", inLanguage(request, "en"), "fr", inLanguage(request, "fr"));
    }

    private static String inLanguage(HttpServletRequest request, String code) {
        String path = new UrlPathHelper().getPathWithinApplication(request);
        boolean samePage = "GET".equals(request.getMethod()) && request.getDispatcherType() == DispatcherType.REQUEST
                && path.startsWith("/") && !path.startsWith("//");
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getContextPath() + (samePage ? path : "/"));
        if (samePage) {
            request.getParameterMap().forEach((name, values) -> {
                if (!name.equals(ConsoleLanguage.PARAMETER)) {
                    link.queryParam(name, (Object[]) values);
                }
            });
        }
        return link.queryParam(ConsoleLanguage.PARAMETER, code).encode().build().toUriString();
    }

    private static boolean hasRole(Authentication authentication, String role) {
        return authentication != null && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(role::equals);
    }
}
