package io.switchboard.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.billing.TestEvents;
import io.switchboard.usage.PriceSnapshot;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ChargeTest {

    @Test
    void shouldChargeThePriceSnapshotsCostWhenTheEventReportsAnother() {
        TestEvents.Generation generation = TestEvents.generation("acme")
                .tokens(1_000, 500)
                .reportedCost(new BigDecimal("0.5"));

        Charge charge = Charge.of(generation.event().data());

        assertThat(charge.cost()).isEqualByComparingTo("0.00045");
        assertThat(charge.nanodollars()).isEqualTo(450_000);
        assertThat(charge.agreesWithEvent()).isFalse();
    }

    @Test
    void shouldAgreeWithAnEventWhoseCostDiffersOnlyInTrailingZeros() {
        TestEvents.Generation generation = TestEvents.generation("acme")
                .tokens(1_000, 500)
                .reportedCost(new BigDecimal("0.000450000"));

        assertThat(Charge.of(generation.event().data()).agreesWithEvent()).isTrue();
    }

    @Test
    void shouldRoundAFractionOfANanodollarUp() {
        PriceSnapshot fine = PriceSnapshot.perToken("0.0000000001", "0.0000000001");
        TestEvents.Generation generation = TestEvents.generation("acme")
                .served("m", "p:m", "P", fine)
                .tokens(1, 0);

        Charge charge = Charge.of(generation.event().data());

        assertThat(charge.cost()).isEqualByComparingTo("0.0000000001");
        assertThat(charge.nanodollars()).isEqualTo(1);
        assertThat(charge.charged()).isEqualByComparingTo("0.000000001");
    }

    @Test
    void shouldRefuseAPriceSnapshotThatYieldsANegativeCost() {
        PriceSnapshot negative = PriceSnapshot.perToken("-0.0000001", "0.0000001");
        TestEvents.Generation generation = TestEvents.generation("acme")
                .served("m", "p:m", "P", negative)
                .tokens(100, 1);

        assertThatThrownBy(() -> Charge.of(generation.event().data())).isInstanceOf(IllegalArgumentException.class);
    }
}
