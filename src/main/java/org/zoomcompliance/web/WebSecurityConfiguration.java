package org.zoomcompliance.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.zoomcompliance.infrastructure.HomeFolder;

/**
 * The console's access rules: everything is denied unless listed here. DPOs see reports and deviations,
 * operators see and control jobs, both see the audit trail; anonymous users get the sign-in page, the style sheet
 * and the actuator's health only. Forms carry CSRF tokens (Spring Security's default).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
public class WebSecurityConfiguration {

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
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/css/**", "/login", "/error", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/reports", "/reports/**", "/deviations").hasRole("DPO")
                        .requestMatchers("/jobs", "/jobs/**").hasRole("OPERATOR")
                        .requestMatchers("/", "/audit").hasAnyRole("DPO", "OPERATOR")
                        .anyRequest().denyAll())
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")));
        return http.build();
    }
}
