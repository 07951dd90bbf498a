package org.zoomcompliance.pull;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.zoomcompliance.config.HomeFolder;
import org.zoomcompliance.pull.zoom.Sleeper;
import org.zoomcompliance.pull.zoom.ZoomApiSettings;
import org.zoomcompliance.pull.zoom.ZoomClient;

/**
 * The configured Server-to-Server OAuth app ({@code zoom.api.*}) and its client, made on first use: commands that
 * never pull never read the secret.
 */
@Component
@EnableConfigurationProperties(ZoomApiSettings.class)
public class ZoomApi {

    private final ZoomApiSettings settings;
    private final HomeFolder home;
    private final Clock clock;
    private final Map<String, String> environment;
    private ZoomClient client;

    @Autowired
    public ZoomApi(ZoomApiSettings settings, HomeFolder home, Clock clock) {
        this(settings, home, clock, System.getenv());
    }

    ZoomApi(ZoomApiSettings settings, HomeFolder home, Clock clock, Map<String, String> environment) {
        this.settings = settings;
        this.home = home;
        this.clock = clock;
        this.environment = environment;
    }

    /** Whether an app is configured (account and client ids): the nightly run pulls only then. */
    public boolean configured() {
        return settings.configured();
    }

    public ZoomApiSettings settings() {
        return settings;
    }

    /** Where the secret is read from when the environment does not give it. */
    Path secretFile() {
        return settings.clientSecretFile() != null ? settings.clientSecretFile()
                : home.root().resolve("zoom-api").resolve("client-secret");
    }

    /** The client; refused when no app is configured or its secret cannot be used. */
    public synchronized ZoomClient client() {
        if (!configured()) {
            throw new PullConfigurationException("Zoom's API is not configured: set zoom.api.account-id and"
                    + " zoom.api.client-id (ZOOM_API_ACCOUNT_ID, ZOOM_API_CLIENT_ID); see the README");
        }
        if (client == null) {
            client = new ZoomClient(settings, ClientSecret.read(environment, secretFile()), clock, Sleeper.REAL);
        }
        return client;
    }
}
