package com.bounceledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/**
 * A record is empty, and its row deleted, only when it holds no status at all: each status component alone,
 * present or added later, keeps it.
 */
class AddressRecordTest {

    @Test
    void aRecordWithoutStatusesIsEmptyAndAnyOneStatusMakesItNot() throws Exception {
        RecordComponent[] components = AddressRecord.class.getRecordComponents();
        Constructor<AddressRecord> constructor = AddressRecord.class.getDeclaredConstructor(
                Arrays.stream(components).map(RecordComponent::getType).toArray(Class[]::new));

        assertThat(constructor.newInstance(statusesOnly(components, -1)).isEmpty()).isTrue();
        for (int status = 2; status < components.length; status++) { // after account and address
            AddressRecord record = constructor.newInstance(statusesOnly(components, status));
            assertThat(record.isEmpty()).as(components[status].getName()).isFalse();
        }
    }

    /** The key, and only the component {@code set} (none when -1) given a value. */
    private static Object[] statusesOnly(RecordComponent[] components, int set) {
        Object[] values = new Object[components.length];
        values[0] = "acme";
        values[1] = "ann@example.com";
        for (int i = 2; i < components.length; i++) {
            Class<?> type = components[i].getType();
            if (type == int.class) {
                values[i] = i == set ? 1 : 0;
            } else if (i == set) {
                values[i] = type == Instant.class ? Instant.parse("2026-11-21T08:00:00Z") : "x";
            }
        }
        return values;
    }
}
