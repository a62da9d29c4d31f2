package io.switchboard.billing.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TopUpTest {

    private static final BigDecimal MAX = new BigDecimal("1000000");

    @Test
    void shouldConvertAnAmountToNanodollarsExactly() {
        TopUp topUp = TopUp.of("acme", "invoice-1", new BigDecimal("25.000000001"), null, MAX);

        assertThat(topUp.nanodollars()).isEqualTo(25_000_000_001L);
    }

    @ParameterizedTest(name = "{0} / {1} / {2}")
    @CsvSource(nullValues = "null", value = {"acme, invoice-1, 0", "acme, invoice-1, -5",
            "acme, invoice-1, 0.0000000001",
            "acme, invoice-1, 1000000.01", "acme, invoice-1, null", "ac{me}, invoice-1, 5", "acme, null, 5",
            "acme, 'has space', 5", "null, invoice-1, 5"})
    void shouldRefuseAnInvalidTopUp(String tenant, String id, BigDecimal amount) {
        assertThatThrownBy(() -> TopUp.of(tenant, id, amount, null, MAX)).isInstanceOf(IllegalArgumentException.class);
    }
}
