package org.zoomcompliance.pseudonymisation;

/**
 * What the pipeline keeps of an IP address: keyed pseudonyms of the address and of its network (/24 for IPv4,
 * /48 for IPv6), whether the value was a valid address at all, and the key version that made them.
 */
public record IpPseudonym(String address, String network, boolean valid, int keyVersion) {
}
