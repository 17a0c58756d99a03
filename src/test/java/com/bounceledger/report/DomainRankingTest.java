package com.bounceledger.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainRankingTest {

    @Test
    void keepsTheLargestDomainsAndSumsTheRestIntoOneOtherRow() {
        DomainRanking ranking = new DomainRanking(2);
        ranking.add(new DomainMetrics("gmail.com", 50, 45, 3, 1, 1));
        ranking.add(new DomainMetrics("outlook.com", 30, 28, 1, 0, 1));
        ranking.add(new DomainMetrics("web.de", 15, 14, 0, 1, 0));
        ranking.add(new DomainMetrics("gmx.de", 5, 3, 1, 0, 1));

        assertThat(ranking.rows()).containsExactly(
                new DomainMetrics("gmail.com", 50, 45, 3, 1, 1),
                new DomainMetrics("outlook.com", 30, 28, 1, 0, 1),
                new DomainMetrics(null, 20, 17, 1, 1, 1));
        // 3 bounces of 20 sent
        assertThat(ranking.rows().get(2).bounceRate()).isEqualTo(0.15);
    }

    @Test
    void noOtherRowWhenEveryDomainFits() {
        DomainRanking ranking = new DomainRanking(2);
        ranking.add(new DomainMetrics("gmail.com", 1, 1, 0, 0, 0));

        assertThat(ranking.rows()).containsExactly(new DomainMetrics("gmail.com", 1, 1, 0, 0, 0));
    }
}
