package org.zoomcompliance.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.zoomcompliance.config.Policy;

/**
 * The console's language: the institution's ({@code institution.language}) unless the user chose the other one with
 * {@code ?lang=en} or {@code ?lang=fr}, which a cookie remembers. Only en and fr are taken, from the parameter as
 * from the cookie; anything else is ignored, never an error (README, "Web console and schedule").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleLanguage implements WebMvcConfigurer {

    /** The query parameter that switches the language. */
    static final String PARAMETER = "lang";
    /** The cookie that remembers the choice. */
    static final String COOKIE = "zoom-compliance-language";

    private static final Set<String> CODES = Set.of("en", "fr");

    /** The language a code names, or null when it is not one the console speaks. */
    static Locale supported(String code) {
        return code != null && CODES.contains(code) ? Locale.forLanguageTag(code) : null;
    }

    /** The language code of the page being answered (LocaleContextHolder, set by the resolver below): en or fr. */
    static String language() {
        return supported(LocaleContextHolder.getLocale().getLanguage()) != null
                ? LocaleContextHolder.getLocale().getLanguage() : "en";
    }

    @Bean
    LocaleResolver localeResolver(Policy policy) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            protected Locale parseLocaleValue(String value) {
                return supported(value);
            }
        };
        resolver.setDefaultLocale(Locale.forLanguageTag(policy.institution().language().code()));
        // a cookie altered by hand falls back to the institution's language instead of failing the page
        resolver.setRejectInvalidCookies(false);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookiePath("/");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                // an unknown value is dropped here, before Spring would parse (and log) it
                return supported(request.getParameter(PARAMETER)) == null || super.preHandle(request, response, handler);
            }
        };
        change.setParamName(PARAMETER);
        registry.addInterceptor(change);
    }
}
