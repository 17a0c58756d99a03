package com.bounceledger.generate;

/**
 * Gives each of {@code size} indexes its own slot of [0, 1): index i gets slot (a·i + b) mod size,
 * an affine permutation with {@code a} coprime to the size. Drawing a category from these values
 * gives every category its exact share (to one person) however small the population, while the
 * categories stay scattered over the indexes.
 */
final class StratifiedDraw {

    private final long size;
    private final long multiplier;
    private final long offset;

    StratifiedDraw(int size, long seed) {
        this.size = size;
        SeededRandom random = new SeededRandom(seed);
        long multiplier = size == 1 ? 1 : (size / 2 + random.nextInt(Math.max(1, size / 3))) % size;
        while (gcd(multiplier, size) != 1) {
            multiplier = multiplier % (size - 1) + 1;
        }
        this.multiplier = multiplier;
        this.offset = random.nextInt(size);
    }

    /** @return the centre of the index's slot */
    double unit(int index) {
        return ((multiplier * index + offset) % size + 0.5) / size;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
