package org.zoomcompliance.pseudonymisation;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv6.IPv6Address;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns identifiers into keyed pseudonyms (HMAC-SHA-256 under one key version, truncated to 128 bits, hex).
 *
 * <p>Addresses are canonicalised first so that one address always gets one pseudonym: surrounding spaces
 * (including no-break spaces and byte-order marks), brackets and IPv6 zone ids dropped, IPv4-mapped IPv6 turned
 * into IPv4, IPv6 in RFC 5952 form (lower-case, zeros compressed). Parsing uses the ipaddress library, which never
 * resolves names, with every shorthand off: {@code 555216871.226} or {@code 999.1.1.1} are not addresses. A value
 * that is not an address is pseudonymised too and marked invalid: nothing is ever kept in clear. Each purpose has
 * its own prefix inside the HMAC, so an e-mail and an address never collide.
 *
 * <p>Not thread-safe: make one per thread (it is cheap).
 */
public final class Pseudonymiser {

    private static final IPAddressStringParameters STRICT_ADDRESS = new IPAddressStringParameters.Builder()
            .allowEmpty(false)
            .allowAll(false)
            .allowPrefix(false)
            .allowMask(false)
            .allowPrefixOnly(false)
            .allowSingleSegment(false)
            .allowWildcardedSeparator(false)
            .setRangeOptions(IPAddressStringParameters.RangeParameters.NO_RANGE)
            .allow_inet_aton(false)
            .toParams();
    private static final HexFormat HEX = HexFormat.of();
    private static final int PSEUDONYM_BYTES = 16;

    private final PseudonymKey key;
    private final Mac mac;

    public Pseudonymiser(PseudonymKey key) {
        this.key = key;
        try {
            this.mac = Mac.getInstance("HmacSHA256");
            this.mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available in this JVM", e);
        }
    }

    public int keyVersion() {
        return key.version();
    }

    /** The pseudonyms of an address as found in an export; {@code null} for an empty value. */
    public IpPseudonym address(String raw) {
        String value = raw == null ? "" : trim(raw);
        if (value.isEmpty()) {
            return null;
        }
        Optional<IPAddress> address = canonical(value);
        if (address.isEmpty()) {
            return new IpPseudonym(hmac("invalid-ip", value), null, false, key.version());
        }
        IPAddress ip = address.get();
        IPAddress network = ip.toPrefixBlock(ip.isIPv4() ? 24 : 48);
        return new IpPseudonym(hmac("ip", ip.toCanonicalString()), hmac("ip-network", network.toCanonicalString()),
                true, key.version());
    }

    /** A participant's e-mail, compared case-insensitively; {@code null} for an empty value. */
    public String email(String email) {
        return email == null || email.isBlank() ? null : hmac("email", email.strip().toLowerCase(Locale.ROOT));
    }

    /** A dial-in participant's "name" that is a phone number: digits only, so formatting does not matter. */
    public String phoneNumber(String phone) {
        String digits = phone == null ? "" : phone.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : hmac("phone", digits);
    }

    /**
     * A display name reduced to its key ({@code SubjectDenyList.nameKey}: folded words in order), for the deny list
     * of erased people; {@code null} for an empty key.
     */
    public String name(String nameKey) {
        return nameKey == null || nameKey.isBlank() ? null : hmac("name", nameKey);
    }

    /** The identifier a data-subject request gave, for its audit trail and records: never kept in clear. */
    public String subject(String identifier) {
        return hmac("subject", identifier == null ? "" : identifier.strip().toLowerCase(Locale.ROOT));
    }

    /**
     * The address in canonical form, if the value is one. Exposed for investigations' forward look-up, which
     * pseudonymises and never stores it.
     */
    public static Optional<IPAddress> canonical(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = trim(raw);
        if (value.startsWith("[") && value.endsWith("]")) {
            value = trim(value.substring(1, value.length() - 1));
        }
        int zone = value.indexOf('%');
        if (zone > 0 && value.indexOf(':') >= 0) {
            value = value.substring(0, zone);
        }
        IPAddress address;
        try {
            address = new IPAddressString(value, STRICT_ADDRESS).toAddress();
        } catch (AddressStringException | RuntimeException notAnAddress) {
            return Optional.empty();
        }
        if (address.isIPv6() && ((IPv6Address) address).isIPv4Mapped()) {
            address = ((IPv6Address) address).getEmbeddedIPv4Address();
        }
        return Optional.of(address.withoutPrefixLength());
    }

    /**
     * The value without surrounding white space of any kind: exports carry no-break spaces and byte-order marks
     * that {@link String#strip()} keeps, and one address must give one pseudonym however it was padded.
     */
    private static String trim(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && isPadding(raw.charAt(start))) {
            start++;
        }
        while (end > start && isPadding(raw.charAt(end - 1))) {
            end--;
        }
        return raw.substring(start, end);
    }

    private static boolean isPadding(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    private String hmac(String purpose, String value) {
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest, 0, PSEUDONYM_BYTES);
    }
}
