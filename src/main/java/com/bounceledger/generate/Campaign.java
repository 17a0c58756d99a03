package com.bounceledger.generate;

/**
 * One campaign of one account on one day: {@code size} messages sent evenly from {@code startSecond}
 * over {@code durationSeconds}. The transactional stream of an account is a campaign that lasts all day.
 *
 * @param firstSequence the day-wide sequence number of its first message (message ids are unique per day)
 */
record Campaign(SenderAccount account, String name, boolean transactional, long epochDay, long firstSequence,
                int size, long startSecond, long durationSeconds) {

    long sendTime(int message, SeededRandom random) {
        return startSecond + (long) ((message + random.nextDouble()) * durationSeconds / size);
    }

    /** @return whether some event of its messages can fall in [from, to) */
    boolean mayHaveEventsIn(long from, long to) {
        return startSecond < to && startSecond + durationSeconds + MessageSimulator.LIFETIME_SECONDS > from;
    }
}
