package com.bounceledger.generate;

/**
 * SplitMix64: a tiny, fast generator whose output is fixed by its algorithm, not by the JDK version,
 * so the same seed gives the same files everywhere. Every decision of the generator draws from a
 * generator seeded by {@link #mix} of what the decision is about (a person, a message, a day), never
 * from a shared sequence: that keeps days independent and lets two threads produce identical output.
 */
final class SeededRandom {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SeededRandom(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return scramble(state);
    }

    /** @return a uniform double in [0, 1). */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** @return a uniform int in [0, bound). */
    int nextInt(int bound) {
        return (int) ((nextLong() >>> 33) * bound >>> 31);
    }

    /** @return a uniform long in [from, to). */
    long between(long from, long to) {
        return from + (long) (nextDouble() * (to - from));
    }

    /** @return an exponentially distributed value with the given mean (StrictMath: the same bits on every JVM). */
    double exponential(double mean) {
        return -mean * StrictMath.log(1 - nextDouble());
    }

    <T> T pick(java.util.List<T> items) {
        return items.get(nextInt(items.size()));
    }

    /** A well-mixed hash of the given parts: the seed of one decision. */
    static long mix(long a, long b) {
        return scramble(scramble(a + GOLDEN_GAMMA) ^ (b * GOLDEN_GAMMA + 0x632BE59BD9B4E019L));
    }

    static long mix(long a, long b, long c) {
        return mix(mix(a, b), c);
    }

    static long mix(long a, long b, long c, long d) {
        return mix(mix(mix(a, b), c), d);
    }

    /** @return a uniform double in [0, 1) that depends only on the hash {@code h}. */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    private static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
