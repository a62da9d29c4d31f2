package io.switchboard.routing.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.chat.ReasoningConfig;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReasoningBudgetTest {

    @ParameterizedTest
    @CsvSource({"high, 10000, 8000", "medium, 10000, 5000", "low, 10000, 2000", "minimal, 100000, 10000",
            "xhigh, 10000, 9500"})
    void shouldGiveAnEffortItsShareOfTheCompletionLimit(String effort, int limit, int budget) {
        assertThat(ReasoningBudget.tokens(reasoning(effort, null), limit)).isEqualTo(budget);
    }

    @Test
    void shouldKeepAnEffortBudgetWithinOpenRoutersBounds() {
        assertThat(ReasoningBudget.tokens(reasoning("low", null), 1000)).isEqualTo(1024);
        assertThat(ReasoningBudget.tokens(reasoning("high", null), 1_000_000)).isEqualTo(128_000);
    }

    @Test
    void shouldPassACallersBudgetUnchangedEvenOutsideTheBounds() {
        assertThat(ReasoningBudget.tokens(reasoning(null, 500), 4096)).isEqualTo(500);
    }

    @Test
    void shouldUseMediumWhenReasoningIsOnlyEnabled() {
        ReasoningConfig enabled = new ReasoningConfig(null, null, null, true, new LinkedHashMap<>());

        assertThat(ReasoningBudget.tokens(enabled, 10000)).isEqualTo(5000);
    }

    @ParameterizedTest
    @CsvSource({"8000, 10000, high", "5000, 10000, medium", "1000, 10000, low"})
    void shouldNameTheEffortABudgetStandsFor(int budget, int limit, String effort) {
        assertThat(ReasoningBudget.effort(budget, limit)).isEqualTo(effort);
    }

    private static ReasoningConfig reasoning(@Nullable String effort, @Nullable Integer maxTokens) {
        return new ReasoningConfig(effort, maxTokens, null, null, new LinkedHashMap<>());
    }
}
