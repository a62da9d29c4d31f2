package io.switchboard.routing.completion;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatMessage;
import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.chat.Usage;
import io.switchboard.routing.provider.Chunks;
import io.switchboard.routing.usage.TokenEstimator;
import io.switchboard.usage.TokenUsage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsageRecorderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private static final Chunks CHUNKS = new Chunks("msg_1", "m", 1);

    private final TokenEstimator estimator = new TokenEstimator();
    private final UsageRecorder recorder = new UsageRecorder(estimator, (event, traceContext) -> {
    }, CLOCK);

    @Test
    void shouldCountReasoningAndToolCallsWhenTheProviderReportsNoUsage() {
        GenerationTracker tracker = tracker();
        List<ChatChunk> stream = List.of(CHUNKS.role(), CHUNKS.reasoning("Let me think about the weather."),
                CHUNKS.content("Checking."), CHUNKS.toolCallStart(0, "call_1", "get_weather", "{\"city\":"),
                CHUNKS.toolCallArguments(0, "\"Paris\"}"), CHUNKS.finish("tool_calls", "tool_use"));
        stream.forEach(chunk -> tracker.observe(chunk, CLOCK.instant()));

        TokenUsage tokens = recorder.tokens(tracker);

        long reasoning = estimator.count("Let me think about the weather.");
        long generated = estimator.count("Let me think about the weather.Checking.get_weather{\"city\":\"Paris\"}");
        assertThat(tokens.estimated()).isTrue();
        assertThat(tokens.reasoningTokens()).isEqualTo(reasoning).isPositive();
        assertThat(tokens.completionTokens()).isEqualTo(generated).isGreaterThan(reasoning);
        assertThat(tokens.promptTokens()).isEqualTo(estimator.countPrompt(tracker.generation()
                .request()
                .messages()));
    }

    @Test
    void shouldTakeCachedCacheWriteAndReasoningTokensFromTheProvidersUsage() {
        GenerationTracker tracker = tracker();
        tracker.observe(CHUNKS.usage(Usage.of(2570, 120, 2048L, 512L, 29L)), CLOCK.instant());

        assertThat(recorder.tokens(tracker)).isEqualTo(new TokenUsage(2570, 120, 2048, 512, 29, 0, false));
    }

    private static GenerationTracker tracker() {
        ChatRequest request = ChatRequest.of("anthropic/claude-sonnet-4", List.of(ChatMessage.of("user",
                "Weather in Paris?")));
        return new GenerationTracker(new Generation("gen-1", new InternalIdentity("t", "k", "r"), CLOCK.instant(),
                "anthropic/claude-sonnet-4", request, null, null));
    }
}
