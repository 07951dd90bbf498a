package org.zoomcompliance.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** A message bundle of the class path, read as the application reads it: UTF-8 (ResourceBundle since Java 9). */
public final class Bundles {

    private Bundles() {
    }

    /** The bundle at {@code resource} (e.g. {@code /messages_fr.properties}); fails the test when it is missing. */
    public static Properties load(String resource) {
        Properties properties = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
