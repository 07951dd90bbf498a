package org.zoomcompliance.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.support.TestHomes;

/** The client secret: from the environment, else an owner-only file; a file others may read is refused. */
class ClientSecretTest {

    private final Path file = TestHomes.newHome().resolve("client-secret");

    @Test
    void theEnvironmentComesFirst() {
        assertThat(ClientSecret.read(Map.of("ZOOM_API_CLIENT_SECRET", " from-env \n"), file)).isEqualTo("from-env");
    }

    @Test
    void anOwnerOnlyFileIsRead() throws IOException {
        Files.writeString(file, "from-file\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThat(ClientSecret.read(Map.of(), file)).isEqualTo("from-file");
    }

    @Test
    void aFileOthersMayReadIsRefusedWithoutItsContent() throws IOException {
        Files.writeString(file, "leaked-secret");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ClientSecret.read(Map.of(), file))
                .isInstanceOf(PullConfigurationException.class)
                .hasMessageContaining("is open to other accounts (mode rw-r--r--)")
                .hasMessageNotContaining("leaked-secret");
    }

    @Test
    void noSecretAtAllSaysWhereToPutIt() {
        assertThatThrownBy(() -> ClientSecret.read(Map.of(), file))
                .hasMessageContaining("set ZOOM_API_CLIENT_SECRET or write it to " + file);
    }
}
