package com.bounceledger.ingest;

/**
 * A well-mixed, stable 32-bit hash of a normalized address, as an unsigned value. Days are split into
 * buckets by ranges of it, and the ledger is stored with it, so that a bucket's state is one range query.
 */
public final class AddressHash {

    public static final long SPACE = 1L << 32;

    private AddressHash() {
    }

    public static long of(String normalizedAddress) {
        int h = normalizedAddress.hashCode(); // specified by the JLS: stable across JVMs and releases
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h & 0xffffffffL;
    }

    public static int bucket(long hash, int buckets) {
        return (int) (hash * buckets >>> 32);
    }

    /** First hash of a bucket; the bucket ends just before the next bucket's first hash. */
    public static long bucketStart(int bucket, int buckets) {
        return (bucket * SPACE + buckets - 1) / buckets;
    }
}
