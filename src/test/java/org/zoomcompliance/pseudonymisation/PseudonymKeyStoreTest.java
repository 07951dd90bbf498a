package org.zoomcompliance.pseudonymisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyStoreTest {

    @TempDir
    Path home;

    private PseudonymKeyStore store() {
        return new PseudonymKeyStore(home.resolve("keys"), Map.of());
    }

    @Test
    void theFirstKeyIsGeneratedOwnerOnly() throws Exception {
        // given an empty home
        PseudonymKeyStore store = store();

        // when the current key is asked for
        PseudonymKey key = store.current();

        // then version 1 is created, 256 bits, readable by its owner only, in an owner-only folder
        Path file = home.resolve("keys/key-v1");
        assertThat(key.version()).isEqualTo(1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(store.current()).isEqualTo(key);
    }

    @Test
    void rotationMakesANewCurrentVersionAndKeepsTheOld() {
        // given a store with a first key
        PseudonymKeyStore store = store();
        PseudonymKey first = store.current();

        // when it is rotated
        PseudonymKey second = store.rotate();

        // then the new version is current, the old one still readable, and the status never shows a secret
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.current()).isEqualTo(second);
        assertThat(store.version(1)).contains(first);
        assertThat(store.status()).extracting(PseudonymKeyStore.KeyInfo::version, PseudonymKeyStore.KeyInfo::current)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, false), org.assertj.core.groups.Tuple.tuple(2, true));
        assertThat(store.status().toString()).doesNotContain(Base64.getEncoder().encodeToString(first.secret()));
        assertThat(new Pseudonymiser(first).address("192.0.2.44"))
                .isNotEqualTo(new Pseudonymiser(second).address("192.0.2.44"));
    }

    @Test
    void onlyOldVersionsCanBeDestroyed() {
        // given two versions
        PseudonymKeyStore store = store();
        store.current();
        store.rotate();

        // when both are to be destroyed
        boolean current = store.destroy(2);
        boolean old = store.destroy(1);

        // then the current one stays and the old one is gone
        assertThat(current).isFalse();
        assertThat(old).isTrue();
        assertThat(store.version(1)).isEmpty();
        assertThat(store.current().version()).isEqualTo(2);
    }

    @Test
    void aKeyFileOthersMayReadIsRefused() throws Exception {
        // given a key file made readable by group and others
        PseudonymKeyStore store = store();
        PseudonymKey key = store.current();
        Files.setPosixFilePermissions(home.resolve("keys/key-v1"), PosixFilePermissions.fromString("rw-r--r--"));

        // when it is read
        // then it is refused with a clear message, never used, and the secret is not in the message
        assertThatThrownBy(store::current).isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("group or others").hasMessageContaining("chmod 600")
                .message().doesNotContain(Base64.getEncoder().encodeToString(key.secret()));
        assertThatThrownBy(() -> store.version(1)).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void anUnreadableKeyIsAClearFailure() throws Exception {
        // given a key version that is not a readable file (root reads any file, so a folder stands for it)
        Files.createDirectories(home.resolve("keys/key-v1"));

        // when the key is asked for
        // then the failure names the problem
        assertThatThrownBy(store()::current).isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("not a readable file");
    }

    @Test
    void aKeyFolderThatCannotBeUsedIsAClearFailureNotAnUnkeyedFallback() throws Exception {
        // given a home whose keys path is a plain file
        Files.writeString(home.resolve("keys"), "not a folder");

        // when a key is needed
        // then it fails clearly instead of making up a key or hashing without one
        assertThatThrownBy(store()::current).isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining("is not a folder");
    }

    @Test
    void aDamagedKeyFileIsRefused() throws Exception {
        // given key files that are not base64, or too short
        store().current();
        Files.writeString(home.resolve("keys/key-v1"), "%%% not base64 %%%");

        // when read
        // then refused
        assertThatThrownBy(store()::current).isInstanceOf(KeyUnavailableException.class).hasMessageContaining("base64");
        Files.writeString(home.resolve("keys/key-v1"), Base64.getEncoder().encodeToString(new byte[16]));
        assertThatThrownBy(store()::current).isInstanceOf(KeyUnavailableException.class).hasMessageContaining("256");
    }

    @Test
    void theEnvironmentCanGiveTheKeyInstead() {
        // given a key in the environment
        byte[] secret = new byte[32];
        secret[0] = 42;
        PseudonymKeyStore store = new PseudonymKeyStore(home.resolve("keys"), Map.of(
                PseudonymKeyStore.KEY_VARIABLE, Base64.getEncoder().encodeToString(secret),
                PseudonymKeyStore.KEY_VERSION_VARIABLE, "3"));

        // when it is used
        // then it is the current key, no file is written, rotation is refused, status names the source only
        assertThat(store.current()).isEqualTo(new PseudonymKey(3, secret));
        assertThat(home.resolve("keys")).doesNotExist();
        assertThatThrownBy(store::rotate).isInstanceOf(KeyUnavailableException.class)
                .hasMessageContaining(PseudonymKeyStore.KEY_VARIABLE);
        assertThat(store.status()).extracting(PseudonymKeyStore.KeyInfo::source)
                .containsExactly("environment " + PseudonymKeyStore.KEY_VARIABLE);
    }

    @Test
    void aBadEnvironmentKeyIsRefused() {
        // given environment keys that are unusable
        List<Map<String, String>> environments = List.of(
                Map.of(PseudonymKeyStore.KEY_VARIABLE, "not base64!"),
                Map.of(PseudonymKeyStore.KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[8])),
                Map.of(PseudonymKeyStore.KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]),
                        PseudonymKeyStore.KEY_VERSION_VARIABLE, "0"),
                Map.of(PseudonymKeyStore.KEY_VARIABLE, Base64.getEncoder().encodeToString(new byte[32]),
                        PseudonymKeyStore.KEY_VERSION_VARIABLE, "two"));

        // when each is used
        // then each is refused with a KeyUnavailableException, never replaced by a generated or unkeyed one
        for (Map<String, String> environment : environments) {
            assertThatThrownBy(new PseudonymKeyStore(home.resolve("keys"), environment)::current)
                    .isInstanceOf(KeyUnavailableException.class);
        }
        assertThat(home.resolve("keys")).doesNotExist();
    }
}
