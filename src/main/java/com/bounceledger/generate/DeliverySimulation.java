package com.bounceledger.generate;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Who sends what to whom, day by day: the accounts, the population, the sending plan and the
 * message simulator. Every message is a pure function of the seed and its (day, sequence number),
 * so any part of any day can be replayed on its own, in any thread, with the same result. That is how
 * late outcomes reach the next day's files without keeping state between days: the next day replays
 * the previous day's messages and keeps only their events that fall in it.
 */
final class DeliverySimulation {

    static final String MESSAGE_ID_HOST = "mail.sender.example";

    private final long seed;
    private final long startEpochDay;
    private final Population population;
    private final SendingPlan plan;
    private final MessageSimulator simulator;

    DeliverySimulation(long seed, LocalDate start, int messagesPerDay, int accountCount) {
        this.seed = seed;
        this.startEpochDay = start.toEpochDay();
        RecipientDomains domains = RecipientDomains.load();
        ReplyCatalogue catalogue = ReplyCatalogue.load();
        List<SenderAccount> accounts = SenderAccount.create(accountCount, seed);
        // About one person per message and account: each address gets one or two mails a day per list it is on.
        int populationSize = Math.max(50, messagesPerDay / accountCount);
        this.population = new Population(seed, populationSize, domains, PersonNames.load());
        this.plan = new SendingPlan(seed, accounts, messagesPerDay, populationSize);
        this.simulator = new MessageSimulator(catalogue, new ReceiverConditions(seed, catalogue, domains.receivers()), startEpochDay);
    }

    long startEpochDay() {
        return startEpochDay;
    }

    /**
     * Simulates the messages sent on {@code epochDay} that may have events in [from, to), in the
     * order of their campaigns' start, and hands each life to {@code action}.
     */
    void forEachMessage(long epochDay, long from, long to, Consumer<MessageLife> action) {
        LocalDate date = LocalDate.ofEpochDay(epochDay);
        long idPrefix = (date.getYear() * 10_000L + date.getMonthValue() * 100L + date.getDayOfMonth()) * 100_000_000L;
        for (Campaign campaign : plan.campaignsOf(epochDay)) {
            if (!campaign.mayHaveEventsIn(from, to)) {
                continue;
            }
            String idSuffix = "." + campaign.name() + "." + campaign.account().name() + "@" + MESSAGE_ID_HOST;
            CampaignRecipients recipients = new CampaignRecipients(population, campaign, seed);
            for (int i = 0; i < campaign.size(); i++) {
                long sequence = campaign.firstSequence() + i;
                SeededRandom random = new SeededRandom(SeededRandom.mix(seed, epochDay, sequence));
                int person = recipients.next(random);
                if (person < 0) {
                    break;
                }
                long sentAt = campaign.sendTime(i, random);
                if (sentAt < to && sentAt + MessageSimulator.LIFETIME_SECONDS > from) {
                    String messageId = (idPrefix + sequence) + idSuffix;
                    action.accept(simulator.simulate(campaign, messageId, population.person(person), sentAt, random));
                }
            }
        }
    }
}
