package io.switchboard.simulator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.simulator.generation.GenerationEvent.Finished;
import io.switchboard.simulator.generation.GenerationEvent.Started;
import io.switchboard.simulator.generation.GenerationEvent.Token;
import io.switchboard.simulator.generation.GenerationOutcome.Status;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.ReplyPlan;
import io.switchboard.simulator.reply.Timing;
import io.switchboard.simulator.reply.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.StepVerifier;

/** Runs on virtual time: the delays are checked exactly, and no test waits for real. */
class GeneratorTest {

    private static final Duration TTFT = Duration.ofMillis(50);
    private static final Duration INTERVAL = Duration.ofMillis(10);
    private static final ReplyPlan.Completion PLAN = new ReplyPlan.Completion(List.of("one", " two", " three"),
            FinishReason.STOP, 12, new Timing(TTFT, 100));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final GenerationMonitor monitor = new GenerationMonitor(registry);
    private final Generator generator = new Generator(monitor);
    private final List<GenerationOutcome> outcomes = new CopyOnWriteArrayList<>();
    private Disposable outcomeSubscription = () -> {
    };

    @BeforeEach
    void collectOutcomes() {
        outcomeSubscription = monitor.outcomes().subscribe(outcomes::add);
    }

    @AfterEach
    void stopCollecting() {
        outcomeSubscription.dispose();
    }

    @Test
    void shouldStartAfterTheTimeToFirstTokenThenSendOneTokenPerInterval() {
        StepVerifier.withVirtualTime(() -> generator.stream("chatcmpl-1", PLAN))
                .expectSubscription()
                .expectNoEvent(TTFT)
                .expectNext(new Started())
                .expectNoEvent(INTERVAL.minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(new Token("one"))
                .thenAwait(INTERVAL)
                .expectNext(new Token(" two"))
                .thenAwait(INTERVAL)
                .expectNext(new Token(" three"), new Finished(FinishReason.STOP, new TokenUsage(12, 3)))
                .verifyComplete();

        assertThat(outcomes).containsExactly(new GenerationOutcome("chatcmpl-1", Status.COMPLETED, 3, 3));
        assertThat(registry.counter("simulator.tokens").count()).isEqualTo(3);
    }

    @Test
    void shouldStopGeneratingWhenTheSubscriberCancels() {
        StepVerifier.withVirtualTime(() -> generator.stream("chatcmpl-2", PLAN))
                .thenAwait(TTFT)
                .expectNext(new Started())
                .thenAwait(INTERVAL)
                .expectNext(new Token("one"))
                .thenCancel()
                .verify();

        assertThat(outcomes).containsExactly(new GenerationOutcome("chatcmpl-2", Status.CANCELLED, 3, 1));
        assertThat(monitor.isActive("chatcmpl-2")).isFalse();
        assertThat(registry.counter("simulator.generations", "outcome", "cancelled").count()).isEqualTo(1);
    }

    @Test
    void shouldBeActiveFromSubscriptionUntilTheEnd() {
        StepVerifier.withVirtualTime(() -> generator.stream("chatcmpl-3", PLAN))
                .expectSubscription()
                .then(() -> assertThat(monitor.isActive("chatcmpl-3")).isTrue())
                .thenAwait(TTFT.plus(INTERVAL.multipliedBy(3)))
                .expectNextCount(5)
                .verifyComplete();

        assertThat(monitor.isActive("chatcmpl-3")).isFalse();
    }

    @Test
    void shouldAnswerANonStreamedRequestAfterTheWholeGenerationTime() {
        StepVerifier.withVirtualTime(() -> generator.complete("chatcmpl-4", PLAN))
                .expectSubscription()
                .expectNoEvent(TTFT.plus(INTERVAL.multipliedBy(3)).minusMillis(1))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(PLAN)
                .verifyComplete();

        assertThat(outcomes).containsExactly(new GenerationOutcome("chatcmpl-4", Status.COMPLETED, 3, 3));
    }

    @Test
    void shouldRecordACancelledNonStreamedRequestAsCancelled() {
        StepVerifier.withVirtualTime(() -> generator.complete("chatcmpl-5", PLAN))
                .thenAwait(TTFT)
                .thenCancel()
                .verify();

        assertThat(outcomes).containsExactly(new GenerationOutcome("chatcmpl-5", Status.CANCELLED, 3, 0));
    }
}
