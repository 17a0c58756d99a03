package com.bounceledger.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Ann@Example.COM", "first.last+tag@sub.example.co.uk", "o'neil@example.ie",
            "user@xn--bcher-kva.example", "jörg@müller.de", "a@b.io"})
    void acceptsRealAddressesLowerCased(String address) {
        assertThat(EmailAddresses.normalize(" " + address + " ")).isEqualTo(address.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "ann@", "ann@localhost", "ann@@example.com", "a b@example.com",
            ".ann@example.com", "ann.@example.com", "ann@example..com", "ann@-example.com", "ann@example.com.",
            "<ann@example.com>", "ann@exa_mple.com"})
    void rejectsWhatIsNoAddress(String address) {
        assertThatThrownBy(() -> EmailAddresses.normalize(address)).isInstanceOf(RowRejectedException.class)
                .hasMessage("invalid address");
    }
}
