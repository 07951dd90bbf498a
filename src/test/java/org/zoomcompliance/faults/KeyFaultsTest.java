package org.zoomcompliance.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.zoomcompliance.cli.ExitCodes;
import org.zoomcompliance.cli.ZoomComplianceCommand;
import org.zoomcompliance.support.TestHomes;
import picocli.CommandLine;
import org.zoomcompliance.support.TestClocks;

/**
 * A damaged pseudonymisation key met by the {@code ingest} command: a configuration error in one line, the
 * export left where it was, and no row written (the over-permissive key is {@code IngestPrivacyTest}'s case).
 */
@Tag("faults")
class KeyFaultsTest {

    @Test
    void aCorruptKeyStopsTheIngestWithAConfigurationErrorAndLeavesTheInboxAsItWas() throws Exception {
        // given a home whose key file was damaged, and an export in its inbox
        Path home = TestHomes.newHome();
        Path keys = Files.createDirectories(home.resolve("keys"));
        Path key = Files.writeString(keys.resolve("key-v1"), "this is not base64 !", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Path export = Files.writeString(Files.createDirectories(home.resolve("inbox")).resolve("signinout_key.csv"),
                "Time,User,Type,IP Address,Client Type,Version\r\n"
                        + "03/06/2024 08:02:11 AM,key@exemple.fr,Sign in,192.0.2.160,Windows,5.17.11\r\n",
                StandardCharsets.UTF_8);

        // when the inbox is ingested
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine commandLine = ZoomComplianceCommand.commandLine(TestClocks.afterSampleMonth());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute("--home", home.toString(), "ingest");

        // then the command fails naming the key, without the address, and the export is still in the inbox
        assertThat(exit).isNotEqualTo(ExitCodes.OK);
        assertThat(err.toString() + out).contains("key").doesNotContain("192.0.2.160");
        assertThat(export).exists();
        assertThat(home.resolve("processed")).satisfiesAnyOf(
                folder -> assertThat(folder).doesNotExist(), folder -> assertThat(folder).isEmptyDirectory());
    }
}
