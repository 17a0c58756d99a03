package com.bounceledger.generate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * First and last names per locale ({@code generate/names.csv}), ASCII, lowercase, without dots,
 * underscores or digits, so that an address built from them can be taken apart unambiguously.
 */
final class PersonNames {

    private final Map<String, String[]> firstNames = new HashMap<>();
    private final Map<String, String[]> lastNames = new HashMap<>();

    static PersonNames load() {
        PersonNames names = new PersonNames();
        for (List<String> record : CsvLine.readResource("/generate/names.csv")) {
            String[] list = record.get(2).trim().split(" ");
            if ("first".equals(record.get(1))) {
                names.firstNames.put(record.get(0), list);
            } else {
                names.lastNames.put(record.get(0), list);
            }
        }
        return names;
    }

    /** @return how many distinct first-last combinations the locale has */
    int combinations(String locale) {
        return firstNames.get(locale).length * lastNames.get(locale).length;
    }

    String first(String locale, int combination) {
        String[] first = firstNames.get(locale);
        return first[combination % first.length];
    }

    String last(String locale, int combination) {
        return lastNames.get(locale)[combination / firstNames.get(locale).length];
    }
}
