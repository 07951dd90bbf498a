package org.zoomcompliance.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zoomcompliance.operations.AuditLog;
import org.zoomcompliance.pseudonymisation.IpPseudonym;
import org.zoomcompliance.pseudonymisation.KeyUnavailableException;
import org.zoomcompliance.pseudonymisation.PseudonymKeyStore;
import org.zoomcompliance.pseudonymisation.Pseudonymiser;

/**
 * The sign-in form's guard, around Spring Security's own check: an attempt whose user name or client address is
 * throttled ({@link SignInThrottle}) is refused without checking the password; every failure and lockout is
 * audited, naming the user only when it is one (a typed name may be a password typed in the wrong field) and the
 * client only by the keyed pseudonym of its address (or not at all when the key cannot be used), never the
 * password. A successful sign-in clears the user's failures.
 */
final class SignInAttempts extends OncePerRequestFilter implements AuthenticationFailureHandler,
        AuthenticationSuccessHandler {

    /** The actor of sign-in events: nobody is signed in yet. */
    static final String ACTOR = "sign-in";

    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final UserDetailsService users;
    private final PseudonymKeyStore keyStore;
    private final AuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();

    SignInAttempts(SignInThrottle throttle, AuditLog audit, UserDetailsService users, PseudonymKeyStore keyStore) {
        this.throttle = throttle;
        this.audit = audit;
        this.users = users;
        this.keyStore = keyStore;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getMethod().equals("POST") || !request.getRequestURI().equals(request.getContextPath() + "/login");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SignInThrottle.Refusal> refusal = throttle.admit(request.getParameter("username"), request.getRemoteAddr());
        if (refusal.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String why = refusal.get().lockedOut() ? "locked out" : "too soon after failed sign-ins";
        failed(request, "refused unchecked, " + why + ", until " + refusal.get().until());
        response.sendRedirect(request.getContextPath() + "/login?throttled");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        failed(request, "wrong user name or password");
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        throttle.succeeded(authentication.getName());
        signedIn.onAuthenticationSuccess(request, response, authentication);
    }

    private void failed(HttpServletRequest request, String reason) {
        String typed = request.getParameter("username");
        SignInThrottle.Failure failure = throttle.failed(typed, request.getRemoteAddr());
        String user = knownUser(typed).map(name -> "user " + name).orElse("an unknown user name");
        String client = client(request.getRemoteAddr());
        audit.record(ACTOR, AuditLog.SIGN_IN_FAILED, user, null, reason + client);
        if (failure.userLockedOut()) {
            audit.record(ACTOR, AuditLog.SIGN_IN_LOCKED, user, null, "locked out until " + failure.until() + client);
        }
        if (failure.clientLockedOut()) {
            audit.record(ACTOR, AuditLog.SIGN_IN_LOCKED, "client" + client, null, "locked out until " + failure.until());
        }
    }

    private Optional<String> knownUser(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(users.loadUserByUsername(typed).getUsername());
        } catch (UsernameNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The client as {@code " from <pseudonym> (key vN)"}, or nothing when the key cannot be used. */
    private String client(String address) {
        try {
            IpPseudonym pseudonym = new Pseudonymiser(keyStore.current()).address(address);
            return " from " + pseudonym.address() + " (key v" + pseudonym.keyVersion() + ")";
        } catch (KeyUnavailableException e) {
            return "";
        }
    }
}
