package com.bounceledger.generate;

import java.util.ArrayList;
import java.util.List;

/** The weighted list of recipient domains: who receives the mail. */
final class RecipientDomains {

    private final List<RecipientDomain> domains;
    private final double[] cumulativeShare;

    private RecipientDomains(List<RecipientDomain> domains) {
        this.domains = List.copyOf(domains);
        this.cumulativeShare = new double[domains.size()];
        double total = domains.stream().mapToInt(RecipientDomain::weight).sum();
        double running = 0;
        for (int i = 0; i < domains.size(); i++) {
            running += domains.get(i).weight();
            cumulativeShare[i] = running / total;
        }
    }

    static RecipientDomains load() {
        List<RecipientDomain> domains = new ArrayList<>();
        for (List<String> record : CsvLine.readResource("/generate/domains.csv")) {
            String mx = record.get(4);
            domains.add(new RecipientDomain(record.get(0), record.get(1), Integer.parseInt(record.get(2)),
                    record.get(3), mx.isEmpty() ? null : mx));
        }
        return new RecipientDomains(domains);
    }

    /** @param unit a uniform value in [0, 1) */
    RecipientDomain pick(double unit) {
        int low = 0;
        int high = cumulativeShare.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeShare[middle] > unit) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return domains.get(low);
    }

    List<String> receivers() {
        return domains.stream().map(RecipientDomain::receiver).distinct().toList();
    }
}
