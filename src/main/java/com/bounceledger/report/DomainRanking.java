package com.bounceledger.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The largest domains, fed largest first, and the rest folded into one "other" row (null domain), so a day
 * with a million small domains still gives a sheet of {@code top + 1} rows in bounded memory.
 */
public final class DomainRanking {

    private static final DomainMetrics NO_OTHER = new DomainMetrics(null, 0, 0, 0, 0, 0);

    private final int top;
    private final List<DomainMetrics> rows = new ArrayList<>();
    private DomainMetrics other;

    public DomainRanking(int top) {
        this.top = top;
    }

    public void add(DomainMetrics domain) {
        if (rows.size() < top) {
            rows.add(domain);
        } else {
            other = (other == null ? NO_OTHER : other).plus(domain, null);
        }
    }

    public List<DomainMetrics> rows() {
        List<DomainMetrics> all = new ArrayList<>(rows);
        if (other != null) {
            all.add(other);
        }
        return all;
    }
}
