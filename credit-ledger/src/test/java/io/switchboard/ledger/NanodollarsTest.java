package io.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NanodollarsTest {

    @Test
    void shouldConvertPublishedPerTokenPricesExactly() {
        assertThat(Nanodollars.fromUsd(new BigDecimal("0.00000015"))).isEqualTo(150);
        assertThat(Nanodollars.fromUsd(new BigDecimal("0.0000138"))).isEqualTo(13_800);
        assertThat(Nanodollars.toUsd(13_800)).isEqualByComparingTo("0.0000138");
    }

    @Test
    void shouldRoundAFinerFractionUpInTheOperatorsFavour() {
        assertThat(Nanodollars.fromUsd(new BigDecimal("0.0000000001"))).isEqualTo(1);
        assertThat(Nanodollars.fromUsd(BigDecimal.ZERO)).isZero();
    }

    @Test
    void shouldNameTheUtcPeriodOfAnInstant() {
        Instant sundayNight = Instant.parse("2026-11-29T23:30:00Z");

        assertThat(LimitReset.DAILY.periodField(sundayNight)).isEqualTo("d:2026-11-29");
        assertThat(LimitReset.WEEKLY.periodField(sundayNight)).isEqualTo("w:2026-W48");
        assertThat(LimitReset.WEEKLY.periodField(sundayNight.plusSeconds(3600))).isEqualTo("w:2026-W49");
        assertThat(LimitReset.MONTHLY.periodField(sundayNight)).isEqualTo("m:2026-11");
        assertThat(LimitReset.NEVER.periodField(sundayNight)).isEqualTo("total");
    }
}
