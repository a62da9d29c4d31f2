package io.switchboard.simulator.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReplyPlannerTest {

    private static final TokenCounter COUNTER = TokenCounter.cl100kBase();
    private static final Timing TIMING = new Timing(Duration.ofMillis(50), 100);
    private static final ReplyPlanner PLANNER = new ReplyPlanner(new ReplyDefaults(TIMING, 24, null), COUNTER);

    @Test
    void shouldGenerateTheSameReplyForTheSameRequest() {
        ReplyPlan.Completion first = plan(PLANNER, request("gpt-4o", "Tell me a story", null));
        ReplyPlan.Completion second = plan(PLANNER, request("gpt-4o", "Tell me a story", null));

        assertThat(first).isEqualTo(second);
        assertThat(first.tokens()).hasSize(24);
        assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void shouldGenerateDifferentRepliesForADifferentModelOrPrompt() {
        List<String> base = plan(PLANNER, request("gpt-4o", "Tell me a story", null)).tokens();

        assertThat(plan(PLANNER, request("gpt-4o-mini", "Tell me a story", null)).tokens()).isNotEqualTo(base);
        assertThat(plan(PLANNER, request("gpt-4o", "Tell me a joke", null)).tokens()).isNotEqualTo(base);
    }

    @Test
    void shouldEchoTheRestOfTheLastUserMessageTrimmed() {
        ReplyRequest request = new ReplyRequest("m", List.of(PromptMessage.of("user", "echo: not this one"),
                PromptMessage.of("assistant", "ok"), PromptMessage.of("user", "echo:   Hello there, friend.  ")),
                null, Overrides.NONE);

        ReplyPlan.Completion plan = plan(PLANNER, request);

        assertThat(plan.content()).isEqualTo("Hello there, friend.");
        assertThat(plan.tokens()).containsExactly("Hello", " there,", " friend.");
        assertThat(plan.usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void shouldEchoEvenWhenAFixedReplyTextIsConfigured() {
        ReplyPlanner fixed = new ReplyPlanner(new ReplyDefaults(TIMING, 24, "Always this."), COUNTER);

        assertThat(plan(fixed, request("m", "echo: chosen", null)).content()).isEqualTo("chosen");
        assertThat(plan(fixed, request("m", "anything else", null)).content()).isEqualTo("Always this.");
    }

    @Test
    void shouldCutAtMaxTokensAndFinishWithLength() {
        ReplyPlan.Completion plan = plan(PLANNER, request("m", "echo: one two three four five", 3));

        assertThat(plan.content()).isEqualTo("one two three");
        assertThat(plan.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(plan.usage().completionTokens()).isEqualTo(3);
    }

    @Test
    void shouldStopWhenTheReplyFitsMaxTokensExactly() {
        ReplyPlan.Completion plan = plan(PLANNER, request("m", "echo: one two three", 3));

        assertThat(plan.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(plan.tokens()).hasSize(3);
    }

    @Test
    void shouldCutAGeneratedReplyToAPrefixOfTheFullOne() {
        List<String> full = plan(PLANNER, request("m", "Tell me a story", null)).tokens();

        ReplyPlan.Completion cut = plan(PLANNER, request("m", "Tell me a story", 5));

        assertThat(cut.tokens()).isEqualTo(full.subList(0, 5));
        assertThat(cut.finishReason()).isEqualTo(FinishReason.LENGTH);
    }

    @Test
    void shouldApplyPerRequestOverrides() {
        ReplyRequest request = new ReplyRequest("m", List.of(PromptMessage.of("user", "hi")), null,
                new Overrides(Duration.ofMillis(10), 200.0, 7));

        ReplyPlan.Completion plan = plan(PLANNER, request);

        assertThat(plan.tokens()).hasSize(7);
        assertThat(plan.timing()).isEqualTo(new Timing(Duration.ofMillis(10), 200));
    }

    @Test
    void shouldCountPromptTokensOfAllMessages() {
        ReplyPlan.Completion plan = plan(PLANNER, new ReplyRequest("m", List.of(PromptMessage.of("system",
                "Hello, world!"), PromptMessage.of("user", "Hello, world!")), null, Overrides.NONE));

        assertThat(plan.promptTokens()).isEqualTo(14);
        assertThat(plan.usage().totalTokens()).isEqualTo(14 + 24);
    }

    private static ReplyRequest request(String model, String userText, @Nullable Integer maxTokens) {
        return new ReplyRequest(model, List.of(PromptMessage.of("user", userText)), maxTokens, Overrides.NONE);
    }

    private static ReplyPlan.Completion plan(ReplyPlanner planner, ReplyRequest request) {
        return switch (planner.plan(request)) {
            case ReplyPlan.Completion completion -> completion;
        };
    }
}
