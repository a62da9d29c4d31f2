package io.switchboard.billing.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActivityRowTest {

    @Test
    void shouldReadBackARowWhoseNamesContainSeparators() {
        ActivityRow row = new ActivityRow("k|1", "vendor/model:free", "p:vendor/model \"x\"", "Provider, Inc.: EU");

        assertThat(ActivityRow.decode(row.encode())).isEqualTo(row);
    }

    @Test
    void shouldCoverTheThirtyCompletedDaysBeforeToday() {
        var window = ActivityHandler.window(LocalDate.parse("2026-03-01"));

        assertThat(window).hasSize(30);
        assertThat(window.getFirst()).isEqualTo(LocalDate.parse("2026-02-28"));
        assertThat(window.getLast()).isEqualTo(LocalDate.parse("2026-01-30"));
    }
}
