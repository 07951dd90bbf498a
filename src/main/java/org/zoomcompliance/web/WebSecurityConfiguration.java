package org.zoomcompliance.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.config.PipelineSettings;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;

/**
 * The console's access rules: DPOs see reports and deviations, operators see and control jobs, both see the audit
 * trail; anonymous users get the sign-in page, the style sheet and the actuator's health only, and the other
 * actuator endpoints nobody. Any other address answers a signed-in user 404 (no page is there). Forms carry CSRF
 * tokens (Spring Security's default); failed sign-ins are throttled and audited ({@link SignInAttempts}); pages
 * send no referrer and may use no browser feature (camera, location...).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class WebSecurityConfiguration {

    /** Browser features no page of the console needs. */
    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(),"
            + " display-capture=(), interest-cohort=()";

    @Bean
    WebUsers webUsers(Environment environment, HomeFolder home) {
        return WebUsers.load(environment, home);
    }

    @Bean
    InMemoryUserDetailsManager userDetailsService(WebUsers users) {
        return new InMemoryUserDetailsManager(users.users());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    SignInThrottle signInThrottle(PipelineSettings settings, Clock clock) {
        return new SignInThrottle(settings.console().signIn(), clock);
    }

    @Bean
    SecurityFilterChain consoleSecurity(HttpSecurity http, SignInThrottle throttle, AuditLog audit,
            InMemoryUserDetailsManager users, PseudonymKeyStore keyStore) throws Exception {
        // Not a bean: Boot would also register it as a servlet filter of its own, outside the security chain.
        SignInAttempts attempts = new SignInAttempts(throttle, audit, users, keyStore);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/login", "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator", "/actuator/**").denyAll()
                        .requestMatchers("/reports", "/reports/**", "/deviations", "/deviations/**").hasRole("DPO")
                        .requestMatchers("/subjects", "/subjects/**").hasRole("DPO")
                        .requestMatchers("/jobs", "/jobs/**").hasRole("OPERATOR")
                        .requestMatchers("/", "/audit").hasAnyRole("DPO", "OPERATOR")
                        .anyRequest().authenticated())
                .addFilterBefore(attempts, UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").permitAll().failureHandler(attempts).successHandler(attempts))
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        return http.build();
    }
}
