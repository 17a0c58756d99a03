package com.bounceledger.generate;

/**
 * Decides where deliberately broken rows go: after a good row, with probability {@code rate}, but
 * never so many that broken rows exceed {@code rate} of all rows written so far.
 */
final class BadRows {

    private static final BrokenRow[] KINDS = BrokenRow.values();

    private final double rate;
    private final SeededRandom random;
    private long goodRows;
    private long badRows;

    BadRows(double rate, SeededRandom random) {
        this.rate = rate;
        this.random = random;
    }

    /** @return the kind of broken row to write after this good row, or null for none */
    BrokenRow afterGoodRows(int rows) {
        goodRows += rows;
        if (rate == 0 || !random.chance(rate) || badRows + 1 > rate * (goodRows + badRows + 1)) {
            return null;
        }
        badRows++;
        return KINDS[random.nextInt(KINDS.length)];
    }
}
