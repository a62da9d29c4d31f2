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

    @Test
    void shouldCallTheFirstDeclaredToolWithTheArgumentsAfterTheToolPrefix() {
        ReplyPlan.Completion plan = plan(PLANNER, withTools("tool: {\"city\": \"Paris\"}", "get_weather", "get_time"));

        assertThat(plan.toolCall()).isEqualTo(new ToolCallPlan("get_weather", "{\"city\": \"Paris\"}"));
        assertThat(plan.tokens()).isEmpty();
        assertThat(plan.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void shouldStreamToolArgumentsAsFragmentsThatJoinBackToTheArguments() {
        ReplyPlan.Completion plan = plan(PLANNER, withTools("tool: {\"city\": \"Paris\", \"unit\": \"C\"}",
                "get_weather"));

        List<ReplyToken> sequence = plan.sequence();
        assertThat(sequence).hasSizeGreaterThan(1).allMatch(token -> token.kind() == TokenKind.TOOL_ARGUMENTS);
        assertThat(sequence.stream().map(ReplyToken::text).reduce("", String::concat))
                .isEqualTo(plan.toolCall().arguments());
        assertThat(plan.usage().completionTokens()).isEqualTo(sequence.size());
    }

    @Test
    void shouldWrapToolArgumentsThatAreNotAJsonObject() {
        assertThat(plan(PLANNER, withTools("tool: Paris", "f")).toolCall().arguments())
                .isEqualTo("{\"input\":\"Paris\"}");
        assertThat(plan(PLANNER, withTools("tool:", "f")).toolCall().arguments()).isEqualTo("{}");
    }

    @Test
    void shouldAnswerInsteadOfCallingAgainOnceTheToolResultIsTheLastMessage() {
        ReplyRequest request = new ReplyRequest("m", List.of(PromptMessage.of("user", "tool: {}"),
                PromptMessage.of("assistant", ""), PromptMessage.of("tool", "18 degrees")), null, Overrides.NONE,
                List.of("get_weather"), false);

        ReplyPlan.Completion plan = plan(PLANNER, request);

        assertThat(plan.toolCall()).isNull();
        assertThat(plan.tokens()).hasSize(24);
        assertThat(plan.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void shouldNotCallAToolTheRequestDidNotDeclare() {
        ReplyPlan.Completion plan = plan(PLANNER, withTools("tool: {}"));

        assertThat(plan.toolCall()).isNull();
        assertThat(plan.finishReason()).isEqualTo(FinishReason.STOP);
    }

    @Test
    void shouldReasonFirstWhenAskedAndCountReasoningAsCompletionTokens() {
        ReplyRequest request = new ReplyRequest("m", List.of(PromptMessage.of("user", "echo: forty two")), null,
                Overrides.NONE, List.of(), true);

        ReplyPlan.Completion plan = plan(PLANNER, request);

        assertThat(plan.reasoning()).hasSize(ReplyPlanner.REASONING_TOKENS);
        assertThat(plan.sequence()).extracting(ReplyToken::kind)
                .containsExactly(TokenKind.REASONING, TokenKind.REASONING, TokenKind.REASONING, TokenKind.REASONING,
                        TokenKind.REASONING, TokenKind.REASONING, TokenKind.REASONING, TokenKind.REASONING,
                        TokenKind.CONTENT, TokenKind.CONTENT);
        assertThat(plan.content()).isEqualTo("forty two");
        assertThat(plan.usage()).isEqualTo(new TokenUsage(plan.promptTokens(), 10, 8));
    }

    @Test
    void shouldTakeTheReasoningLengthFromTheOverrides() {
        ReplyRequest request = new ReplyRequest("m", List.of(PromptMessage.of("user", "hi")), null,
                new Overrides(null, null, 2, 3), List.of(), true);

        ReplyPlan.Completion plan = plan(PLANNER, request);

        assertThat(plan.reasoning()).hasSize(3);
        assertThat(plan.tokens()).hasSize(2);
    }

    private static ReplyRequest withTools(String userText, String... tools) {
        return new ReplyRequest("m", List.of(PromptMessage.of("user", userText)), null, Overrides.NONE,
                List.of(tools), false);
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
