package com.bounceledger.report;

import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;

/** Domains (SPEC 6.1.4): the largest recipient domains, then the others in one row. */
final class DomainsSheet {

    private DomainsSheet() {
    }

    static void write(Sheet sheet, DayReport report, ReportSettings settings, ReportStyles styles) {
        String other = settings.text().get("domain.other");
        List<Column<DomainMetrics>> columns = List.of(
                Column.text("column.domain", domain -> domain.domain() == null ? other : domain.domain()),
                Column.count("column.sent", DomainMetrics::sent),
                Column.count("column.delivered", DomainMetrics::delivered),
                Column.count("column.hard", DomainMetrics::hard),
                Column.count("column.soft", DomainMetrics::soft),
                Column.count("column.blocked", DomainMetrics::blocked),
                Column.rate("column.bounceRate", DomainMetrics::bounceRate));
        TableWriter<DomainMetrics> table = new TableWriter<>(sheet, columns, styles, settings.text());
        DomainMetrics total = new DomainMetrics(settings.text().get("total"), 0, 0, 0, 0, 0);
        for (DomainMetrics domain : report.domains()) {
            table.row(domain);
            total = total.plus(domain, total.domain());
        }
        table.totals(total);
        table.finish();
        table.flagThresholds(settings.thresholds());
    }
}
