package io.switchboard.simulator.fault;

import io.switchboard.simulator.generation.GenerationEvent;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class StreamFaultsTest {

    private static final GenerationEvent STARTED = new GenerationEvent.Started();
    private static final GenerationEvent FINISHED = new GenerationEvent.Finished(FinishReason.STOP,
            new TokenUsage(5, 3));

    private static Flux<GenerationEvent> reply() {
        return Flux.just(STARTED, token("a"), token(" b"), token(" c"), FINISHED);
    }

    @Test
    void shouldDisconnectWhenTheEventAfterTheNthTokenIsDue() {
        StepVerifier.create(StreamFaults.events(reply(), new Fault.Disconnect(2)))
                .expectNext(STARTED, token("a"), token(" b"))
                .verifyError(SimulatedDisconnect.class);
    }

    @Test
    void shouldDisconnectRightAfterTheStartForZeroTokens() {
        StepVerifier.create(StreamFaults.events(reply(), new Fault.Disconnect(0)))
                .expectNext(STARTED)
                .verifyError(SimulatedDisconnect.class);
    }

    @Test
    void shouldStallAfterTheNthTokenForTheGivenTime() {
        StepVerifier.withVirtualTime(() -> StreamFaults.events(reply(), new Fault.Stall(1, Duration.ofSeconds(10))))
                .expectNext(STARTED, token("a"))
                .expectNoEvent(Duration.ofSeconds(9))
                .thenAwait(Duration.ofSeconds(1))
                .expectNext(token(" b"), token(" c"), FINISHED)
                .verifyComplete();
    }

    @Test
    void shouldStallForGoodWithoutADuration() {
        StepVerifier.withVirtualTime(() -> StreamFaults.events(reply(), new Fault.Stall(3, null)))
                .expectNext(STARTED, token("a"), token(" b"), token(" c"))
                .expectNoEvent(Duration.ofHours(1))
                .thenCancel()
                .verify();
    }

    @Test
    void shouldDelayTheWholeReplyForASlowFirstToken() {
        StepVerifier
                .withVirtualTime(() -> StreamFaults.events(reply(), new Fault.SlowFirstToken(Duration.ofSeconds(3))))
                .expectSubscription()
                .expectNoEvent(Duration.ofSeconds(3))
                .expectNext(STARTED, token("a"), token(" b"), token(" c"), FINISHED)
                .verifyComplete();
    }

    @Test
    void shouldInsertAMalformedEventAfterTheNthTokensFrames() {
        StepVerifier.create(StreamFaults.frames(reply(), StreamFaultsTest::render, new Fault.MalformedChunk(1))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8)))
                .expectNext("<started>", "<a>", new String(StreamFaults.MALFORMED_EVENT, StandardCharsets.UTF_8),
                        "< b>", "< c>", "<finished>")
                .verifyComplete();
    }

    @Test
    void shouldLeaveTheReplyAloneWithoutAFault() {
        StepVerifier.create(StreamFaults.events(reply(), null)).expectNextCount(5).verifyComplete();
    }

    private static GenerationEvent token(String text) {
        return new GenerationEvent.Token(text);
    }

    private static List<byte[]> render(GenerationEvent event) {
        String text = switch (event) {
            case GenerationEvent.Started started -> "<started>";
            case GenerationEvent.Token token -> "<" + token.text() + ">";
            case GenerationEvent.Finished finished -> "<finished>";
        };
        return List.of(text.getBytes(StandardCharsets.UTF_8));
    }
}
