package org.zoomcompliance.pseudonymisation;

import java.util.Arrays;

/** One version of the secret pseudonymisation key. Its text form never shows the secret. */
public final class PseudonymKey {

    /**
     * Keys shorter than this are refused: at least 256 bits (docs/product.md, "Non-negotiables and where the code
     * holds them").
     */
    public static final int MINIMUM_BYTES = 32;

    private final int version;
    private final byte[] secret;

    public PseudonymKey(int version, byte[] secret) {
        if (version < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
        if (secret.length < MINIMUM_BYTES) {
            throw new KeyUnavailableException("pseudonymisation key version " + version + " has " + secret.length * 8
                    + " bits; at least " + MINIMUM_BYTES * 8 + " are required");
        }
        this.version = version;
        this.secret = secret.clone();
    }

    public int version() {
        return version;
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PseudonymKey key && key.version == version && Arrays.equals(key.secret, secret);
    }

    @Override
    public int hashCode() {
        return version;
    }

    @Override
    public String toString() {
        return "PseudonymKey[version=" + version + "]";
    }
}
