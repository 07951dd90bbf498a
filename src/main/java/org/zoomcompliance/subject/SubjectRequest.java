package org.zoomcompliance.subject;

import java.util.List;
import java.util.Locale;

/**
 * Who a data-subject request is about, as the requester identified themselves: an e-mail, a display name or an IP
 * address, held in memory only (never stored, logged or printed), and the candidates the DPO confirmed when a name
 * matched several people.
 */
public record SubjectRequest(Kind kind, String value, List<Integer> candidates) {

    /** How the person is identified. */
    public enum Kind {
        EMAIL, NAME, ADDRESS
    }

    public SubjectRequest {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the identifier given is empty");
        }
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public static SubjectRequest email(String email) {
        return new SubjectRequest(Kind.EMAIL, email.strip().toLowerCase(Locale.ROOT), List.of());
    }

    public static SubjectRequest name(String name) {
        return new SubjectRequest(Kind.NAME, name, List.of());
    }

    public static SubjectRequest address(String address) {
        return new SubjectRequest(Kind.ADDRESS, address.strip(), List.of());
    }

    public SubjectRequest confirming(List<Integer> numbers) {
        return new SubjectRequest(kind, value, numbers);
    }

    /** What the request was about, for its records: the kind and a keyed hash, never the identifier. */
    @Override
    public String toString() {
        return kind.name().toLowerCase(Locale.ROOT) + " (withheld)";
    }
}
