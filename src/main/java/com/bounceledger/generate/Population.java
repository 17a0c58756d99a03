package com.bounceledger.generate;

import com.bounceledger.generate.MailboxProfile.Kind;

/**
 * The people the accounts mail. Nothing is stored: person {@code i} is computed from the seed and
 * {@code i} whenever needed, so a population of millions costs no memory and is the same every day.
 * Domains and mailbox behaviours are drawn stratified (each person gets a distinct slot of [0, 1)
 * through a pseudo-random permutation), so even a population of a thousand has its exact share of
 * dead, full, suspended and non-existent-domain addresses.
 * Each account's list is a pseudo-random subset of the population; the subsets overlap, so one
 * address is on the lists of several accounts (which is how a global bounce happens).
 */
final class Population {

    private static final long DOMAIN = 1;
    private static final long NAME_STYLE = 2;
    private static final long MAILBOX = 3;
    private static final long SPELL = 4;
    private static final long ENGAGEMENT = 5;
    private static final long MEMBERSHIP = 6;

    // Shares of the population by mailbox behaviour (the rest is healthy).
    static final double DEAD_SHARE = 0.010;
    static final double CLOSES_SHARE = 0.003;
    static final double FILLS_UP_SHARE = 0.008;
    static final double SUSPENDED_SHARE = 0.003;
    static final double VACATION_SHARE = 0.008;
    static final double MOVED_SHARE_OF_DEAD = 0.05;

    private final long seed;
    private final int size;
    private final RecipientDomains domains;
    private final PersonNames names;
    private final StratifiedDraw domainDraw;
    private final StratifiedDraw mailboxDraw;

    Population(long seed, int size, RecipientDomains domains, PersonNames names) {
        this.seed = seed;
        this.size = size;
        this.domains = domains;
        this.names = names;
        this.domainDraw = new StratifiedDraw(size, SeededRandom.mix(seed, DOMAIN));
        this.mailboxDraw = new StratifiedDraw(size, SeededRandom.mix(seed, MAILBOX));
    }

    int size() {
        return size;
    }

    Recipient person(int index) {
        RecipientDomain domain = domainOf(index);
        MailboxProfile mailbox = mailboxOf(index);
        return new Recipient(index, address(index, domain), domain, mailbox, engagementOf(index, mailbox));
    }

    boolean isOnListOf(int index, SenderAccount account) {
        double share = account.listShare();
        if (mailboxOf(index).isBad() || !domainOf(index).exists()) {
            share = Math.min(1, share * account.badAddressFactor());
        }
        return SeededRandom.unit(SeededRandom.mix(seed, index, MEMBERSHIP, account.index())) < share;
    }

    private RecipientDomain domainOf(int index) {
        return domains.pick(domainDraw.unit(index));
    }

    /**
     * first.last or first_last, plus a number when needed: index = block * combinations + combination,
     * and the number keeps the block in its hundreds, so two people of one domain never share an address.
     */
    private String address(int index, RecipientDomain domain) {
        String locale = domain.locale();
        int combinations = names.combinations(locale);
        int combination = index % combinations;
        int block = index / combinations;
        SeededRandom style = new SeededRandom(SeededRandom.mix(seed, index, NAME_STYLE));
        char separator = style.chance(0.7) ? '.' : '_';
        int decoration = style.chance(0.6) ? 0 : 1 + style.nextInt(99);
        int number = block * 100 + decoration;
        StringBuilder address = new StringBuilder(40)
                .append(names.first(locale, combination)).append(separator).append(names.last(locale, combination));
        if (number > 0) {
            address.append(number);
        }
        return address.append('@').append(domain.name()).toString();
    }

    private MailboxProfile mailboxOf(int index) {
        double kind = mailboxDraw.unit(index);
        SeededRandom spell = new SeededRandom(SeededRandom.mix(seed, index, SPELL));
        int from = spell.nextInt(6);
        double bound = DEAD_SHARE;
        if (kind < bound) {
            String hardReason = spell.chance(MOVED_SHARE_OF_DEAD) ? "hasmoved" : "userunknown";
            return new MailboxProfile(Kind.DEAD, 0, Integer.MAX_VALUE, false, hardReason);
        }
        if (kind < (bound += CLOSES_SHARE)) {
            return new MailboxProfile(Kind.CLOSES, 1 + from, Integer.MAX_VALUE, false, "userunknown");
        }
        if (kind < (bound += FILLS_UP_SHARE)) {
            return new MailboxProfile(Kind.FILLS_UP, from, from + 4 + spell.nextInt(7), false, "userunknown");
        }
        if (kind < (bound += SUSPENDED_SHARE)) {
            return new MailboxProfile(Kind.SUSPENDED, 0, 2 + spell.nextInt(6), spell.chance(0.5), "userunknown");
        }
        if (kind < bound + VACATION_SHARE) {
            return new MailboxProfile(Kind.VACATION, from, from + 3 + spell.nextInt(6), false, "userunknown");
        }
        return new MailboxProfile(Kind.HEALTHY, 0, 0, false, "userunknown");
    }

    private Engagement engagementOf(int index, MailboxProfile mailbox) {
        if (mailbox.kind() == Kind.CLOSES) {
            return Engagement.ENGAGED;
        }
        double unit = SeededRandom.unit(SeededRandom.mix(seed, index, ENGAGEMENT));
        return unit < 0.40 ? Engagement.NEVER : unit < 0.82 ? Engagement.OCCASIONAL : Engagement.ENGAGED;
    }
}
