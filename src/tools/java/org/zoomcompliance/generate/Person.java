package org.zoomcompliance.generate;

import java.time.LocalDateTime;
import org.zoomcompliance.config.Profile;

/**
 * One member of the synthetic institution, with the account the users export lists.
 *
 * @param groups the Zoom user groups, comma-separated when the account is in several
 */
record Person(int index, String first, String last, String email, Profile profile, String groups,
        String department, long pmi, LocalDateTime lastLogin, LocalDateTime created) {

    String name() {
        return first + " " + last;
    }

    boolean student() {
        return profile == Profile.STUDENT;
    }
}
