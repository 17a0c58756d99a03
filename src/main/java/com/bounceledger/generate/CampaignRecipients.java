package com.bounceledger.generate;

/**
 * The recipients of one campaign, one after the other, without remembering who was already mailed.
 * A marketing campaign walks the population in a pseudo-random order (an affine permutation: start
 * plus k times a stride coprime to the size, so no one is visited twice) and mails the members of
 * the account's list it meets. The transactional stream picks list members at random (people may
 * receive several transactional mails a day).
 */
final class CampaignRecipients {

    private final Population population;
    private final SenderAccount account;
    private final boolean transactional;
    private final long stride;
    private long position;
    private long visited;

    CampaignRecipients(Population population, Campaign campaign, long seed) {
        this.population = population;
        this.account = campaign.account();
        this.transactional = campaign.transactional();
        SeededRandom random = new SeededRandom(SeededRandom.mix(seed, campaign.epochDay(), campaign.firstSequence(), 0x5E6L));
        int size = population.size();
        this.position = random.nextInt(size);
        this.stride = coprimeStride(size, random);
    }

    /** @return the index of the next recipient, or -1 when the list has nobody left to mail */
    int next(SeededRandom messageRandom) {
        int size = population.size();
        if (transactional) {
            for (int attempt = 0; attempt < 1000; attempt++) {
                int candidate = messageRandom.nextInt(size);
                if (population.isOnListOf(candidate, account)) {
                    return candidate;
                }
            }
            return -1;
        }
        while (visited < size) {
            int candidate = (int) position;
            position = (position + stride) % size;
            visited++;
            if (population.isOnListOf(candidate, account)) {
                return candidate;
            }
        }
        return -1;
    }

    private static long coprimeStride(int size, SeededRandom random) {
        if (size == 1) {
            return 1;
        }
        long stride = 1 + random.nextInt(size - 1);
        while (gcd(stride, size) != 1) {
            stride = stride % (size - 1) + 1;
        }
        return stride;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
