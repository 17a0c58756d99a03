package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvFieldsTest {

    @Test
    void splitsQuotedAndEmptyFields() {
        assertThat(CsvFields.split("a,\"b,c\",\"say \"\"hi\"\"\",,\"multi\nline\",")).containsExactly(
                "a", "b,c", "say \"hi\"", "", "multi\nline", "");
    }

    @Test
    void anEmptyRecordIsOneEmptyFieldAndManyFieldsAreAllKept() {
        assertThat(CsvFields.split("")).containsExactly("");
        assertThat(CsvFields.split(",")).containsExactly("", "");
        String[] many = CsvFields.split("x,".repeat(40) + "\"last\"");
        assertThat(many).hasSize(41).endsWith("last");
    }

    @Test
    void rejectsTextAfterAClosingQuote() {
        assertThatThrownBy(() -> CsvFields.split("\"a\"b,c")).isInstanceOf(RowRejectedException.class)
                .hasMessage("text after a closing quote");
    }
}
