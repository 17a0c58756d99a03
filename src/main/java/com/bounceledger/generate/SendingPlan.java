package com.bounceledger.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What the accounts send on a day: each account a transactional stream all day long and a few
 * marketing campaigns, each of which mails a segment of the account's list, so that an address gets
 * one or two campaigns a day from each account it subscribed to.
 */
final class SendingPlan {

    private static final String[] THEMES = {"weekly-newsletter", "new-arrivals", "flash-sale", "member-offers",
            "product-tips", "winter-collection", "black-friday-preview", "back-in-stock", "weekend-deals",
            "event-invitation", "customer-survey", "loyalty-points", "gift-guide", "price-drop", "last-chance"};
    private static final double TRANSACTIONAL_SHARE = 0.12;
    /** A campaign mails at most this share of its account's list, so the list is never exhausted. */
    private static final double MAX_SEGMENT = 0.9;
    private static final double LATE_CAMPAIGN_CHANCE = 0.12;
    private static final long SEND_RATE_PER_SECOND = 150;

    private final long seed;
    private final List<SenderAccount> accounts;
    private final int messagesPerDay;
    private final int populationSize;

    SendingPlan(long seed, List<SenderAccount> accounts, int messagesPerDay, int populationSize) {
        this.seed = seed;
        this.accounts = accounts;
        this.messagesPerDay = messagesPerDay;
        this.populationSize = populationSize;
    }

    /** @return the day's campaigns in order of their start */
    List<Campaign> campaignsOf(long epochDay) {
        double[] weights = new double[accounts.size()];
        for (SenderAccount account : accounts) {
            double dayVariation = 0.85 + 0.3 * SeededRandom.unit(SeededRandom.mix(seed, epochDay, account.index(), 0x70L));
            weights[account.index()] = account.volumeWeight() * dayVariation;
        }
        int[] volumes = apportion(messagesPerDay, weights);
        List<Campaign> campaigns = new ArrayList<>();
        long sequence = 1;
        for (SenderAccount account : accounts) {
            for (Campaign campaign : campaignsOf(account, epochDay, volumes[account.index()], sequence)) {
                campaigns.add(campaign);
                sequence += campaign.size();
            }
        }
        campaigns.sort(Comparator.comparingLong(Campaign::startSecond));
        return campaigns;
    }

    private List<Campaign> campaignsOf(SenderAccount account, long epochDay, int volume, long firstSequence) {
        SeededRandom random = new SeededRandom(SeededRandom.mix(seed, epochDay, account.index(), 0xCA4L));
        int segmentCap = Math.max(1, (int) (MAX_SEGMENT * account.listShare() * populationSize));
        int transactional = (int) Math.round(volume * TRANSACTIONAL_SHARE);
        int marketing = volume - transactional;
        int count = Math.max(1 + random.nextInt(3), (marketing + segmentCap - 1) / segmentCap);
        double[] weights = new double[count];
        for (int i = 0; i < count; i++) {
            weights[i] = 0.8 + 0.4 * random.nextDouble();
        }
        int[] sizes = apportion(marketing, weights);
        String suffix = String.format(Locale.ROOT, "-%02d%02d", LocalDate.ofEpochDay(epochDay).getMonthValue(),
                LocalDate.ofEpochDay(epochDay).getDayOfMonth());
        int[] themes = distinctThemes(count, random);
        long dayStart = epochDay * 86_400;
        List<Campaign> campaigns = new ArrayList<>();
        long sequence = firstSequence;
        for (int i = 0; i < count; i++) {
            int size = Math.min(sizes[i], segmentCap);
            transactional += sizes[i] - size;
            if (size == 0) {
                continue;
            }
            int theme = themes[i];
            String name = THEMES[theme % THEMES.length] + (theme >= THEMES.length ? "-" + (theme / THEMES.length + 1) : "") + suffix;
            long duration = Math.max(300, Math.min(10_800, size / SEND_RATE_PER_SECOND));
            // Every send happens on the planned day, so --messages is exactly each day's count of sends.
            long start = Math.min(startOffset(random), 86_400 - 60 - duration);
            campaigns.add(new Campaign(account, name, false, epochDay, sequence, size, dayStart + start, duration));
            sequence += size;
        }
        if (transactional > 0) {
            campaigns.add(new Campaign(account, "transactional", true, epochDay, sequence, transactional, dayStart, 86_400));
        }
        return campaigns;
    }

    /** Most campaigns go out between 06:00 and 21:00 UTC; some late in the evening, so their outcomes spill into the next day. */
    private static long startOffset(SeededRandom random) {
        return random.chance(LATE_CAMPAIGN_CHANCE) ? random.between(21 * 3600, 23 * 3600 + 1800)
                : random.between(6 * 3600, 21 * 3600);
    }

    private static int[] distinctThemes(int count, SeededRandom random) {
        int[] order = new int[Math.max(count, THEMES.length)];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    /** Splits {@code total} in proportion to the weights, by largest remainder, so the parts add up exactly. */
    static int[] apportion(int total, double[] weights) {
        double sum = 0;
        for (double weight : weights) {
            sum += weight;
        }
        int[] parts = new int[weights.length];
        double[] remainders = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) exact;
            remainders[i] = exact - parts[i];
            given += parts[i];
        }
        for (; given < total; given++) {
            int largest = 0;
            for (int i = 1; i < remainders.length; i++) {
                if (remainders[i] > remainders[largest]) {
                    largest = i;
                }
            }
            parts[largest]++;
            remainders[largest] = -1;
        }
        return parts;
    }
}
