package org.zoomcompliance.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.support.TestHomes;

/** Console users: configured BCrypt users, the users file, and the initial admin of a fresh home. */
class WebUsersTest {

    @Test
    void aFreshHomeGetsAnAdminWhosePasswordIsHandedOutOnceAndStoredOnlyHashed() throws Exception {
        // given
        HomeFolder home = HomeFolder.resolve(TestHomes.newHome().toString()).create();

        // when
        WebUsers first = WebUsers.load(new MockEnvironment(), home);
        String password = first.takeInitialPassword().orElseThrow();
        WebUsers second = WebUsers.load(new MockEnvironment(), home);

        // then
        Path file = home.root().resolve(WebUsers.FILE);
        assertThat(Files.readString(file)).doesNotContain(password).contains("$2a$");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(first.takeInitialPassword()).isEmpty();
        assertThat(second.takeInitialPassword()).isEmpty();
        UserDetails admin = second.users().get(0);
        assertThat(admin.getUsername()).isEqualTo("admin");
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactlyInAnyOrder("ROLE_DPO", "ROLE_OPERATOR");
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(password, admin.getPassword())).isTrue();
    }

    @Test
    void configuredUsersWinAndNoAdminIsCreated() {
        // given
        HomeFolder home = HomeFolder.resolve(TestHomes.newHome().toString()).create();
        MockEnvironment environment = new MockEnvironment()
                .withProperty("zoom-compliance.users[0].name", "dpo")
                .withProperty("zoom-compliance.users[0].password-hash", new BCryptPasswordEncoder().encode("secret"))
                .withProperty("zoom-compliance.users[0].roles", "DPO");

        // when
        WebUsers users = WebUsers.load(environment, home);

        // then
        assertThat(users.users()).extracting(UserDetails::getUsername).containsExactly("dpo");
        assertThat(users.takeInitialPassword()).isEmpty();
        assertThat(home.root().resolve(WebUsers.FILE)).doesNotExist();
    }

    @Test
    void aClearPasswordOrAnUnknownRoleIsRefusedWithTheUsersName() {
        // given
        HomeFolder home = HomeFolder.resolve(TestHomes.newHome().toString()).create();
        MockEnvironment clear = new MockEnvironment()
                .withProperty("zoom-compliance.users[0].name", "alice")
                .withProperty("zoom-compliance.users[0].password-hash", "secret")
                .withProperty("zoom-compliance.users[0].roles", "DPO");
        MockEnvironment unknownRole = new MockEnvironment()
                .withProperty("zoom-compliance.users[0].name", "bob")
                .withProperty("zoom-compliance.users[0].password-hash", new BCryptPasswordEncoder().encode("secret"))
                .withProperty("zoom-compliance.users[0].roles", "ADMIN");

        // when / then
        assertThatThrownBy(() -> WebUsers.load(clear, home)).hasMessageContaining("'alice'").hasMessageContaining("BCrypt");
        assertThatThrownBy(() -> WebUsers.load(unknownRole, home)).hasMessageContaining("'bob'").hasMessageContaining("roles");
    }
}
