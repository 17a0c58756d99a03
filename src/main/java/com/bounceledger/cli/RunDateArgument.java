package com.bounceledger.cli;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The run date from the command line ({@code runDate=YYYY-MM-DD}), by default yesterday in the configured zone. */
final class RunDateArgument {

    private static final String PREFIX = "runDate=";
    private static final String TYPE_SUFFIX = ",java.time.LocalDate";

    private RunDateArgument() {
    }

    /** @throws IllegalArgumentException with the one-line reason for a malformed date or an unknown argument */
    static LocalDate parse(List<String> nonOptionArgs, Clock clock, ZoneId zone) {
        LocalDate runDate = null;
        for (String argument : nonOptionArgs) {
            if (!argument.startsWith(PREFIX)) {
                throw new IllegalArgumentException("unknown argument '" + argument + "': expected runDate=YYYY-MM-DD");
            }
            String value = argument.substring(PREFIX.length());
            if (value.endsWith(TYPE_SUFFIX)) {
                value = value.substring(0, value.length() - TYPE_SUFFIX.length());
            }
            try {
                runDate = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("bad run date '" + value + "': expected an ISO date such as 2026-11-21");
            }
        }
        return runDate != null ? runDate : LocalDate.now(clock.withZone(zone)).minusDays(1);
    }
}
