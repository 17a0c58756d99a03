package com.bounceledger.generate;

/**
 * A stable IPv4 address for a host name, from the 198.18.0.0/15 benchmarking range (never routed),
 * so logs that show a host with its address ({@code mx.example[198.18.7.9]}) always show the same one.
 */
final class HostAddresses {

    private HostAddresses() {
    }

    static String of(String host) {
        long hash = SeededRandom.mix(host.hashCode(), 0x1AL);
        return "198." + (18 + (hash & 1)) + "." + ((hash >>> 8) & 255) + "." + (1 + ((hash >>> 16) & 127));
    }
}
