package io.switchboard.simulator.fault;

import io.switchboard.simulator.generation.GenerationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies a {@link Fault} to a generation, for every wire format alike: timing faults (slow first token, stall,
 * disconnect) to its {@link GenerationEvent}s, a malformed chunk to its rendered server-sent events. "After n tokens"
 * counts {@link GenerationEvent.Token}s; with 0 the fault strikes right after {@link GenerationEvent.Started}. A
 * reply shorter than n tokens is not affected.
 */
public final class StreamFaults {

    /**
     * A server-sent event whose data is cut-off JSON: a {@code data:} line every SSE format parses as an event, and no
     * JSON parser accepts.
     */
    static final byte[] MALFORMED_EVENT = "data: {\"id\":\"malformed\",\"choices\":[{\"delta\":{\"content\":\"cut\n\n"
            .getBytes(StandardCharsets.UTF_8);

    private StreamFaults() {
    }

    /** The generation's events with the fault's timing: delayed, stalled or cut off by a disconnect. */
    public static Flux<GenerationEvent> events(Flux<GenerationEvent> events, @Nullable Fault fault) {
        return switch (fault) {
            case Fault.SlowFirstToken slow -> Mono.delay(slow.delay()).thenMany(events);
            case Fault.Stall stall -> Flux.defer(() -> {
                AtomicInteger tokens = new AtomicInteger();
                AtomicBoolean stalled = new AtomicBoolean();
                return events.concatMap(event -> {
                    boolean now = !(event instanceof GenerationEvent.Started) && tokens.get() == stall.afterTokens()
                            && stalled.compareAndSet(false, true);
                    if (event instanceof GenerationEvent.Token) {
                        tokens.incrementAndGet();
                    }
                    if (!now) {
                        return Mono.just(event);
                    }
                    Duration duration = stall.duration();
                    return duration == null ? Mono.never() : Mono.delay(duration).thenReturn(event);
                });
            });
            case Fault.Disconnect disconnect -> Flux.defer(() -> {
                // The connection drops when the next event is due, not in the same breath as the last token: a
                // client has received the n tokens by then, as it would have from a provider that died.
                AtomicInteger tokens = new AtomicInteger();
                AtomicBoolean due = new AtomicBoolean();
                return events.concatMap(event -> {
                    if (due.get()) {
                        return Flux.error(new SimulatedDisconnect());
                    }
                    due.set(strikesAfter(event, tokens, disconnect.afterTokens()));
                    return Flux.just(event);
                });
            });
            case null, default -> events;
        };
    }

    /** The events rendered to frames by {@code render}, with a malformed event inserted where the fault asks. */
    public static Flux<byte[]> frames(Flux<GenerationEvent> events, Function<GenerationEvent, List<byte[]>> render,
            @Nullable Fault fault) {
        if (!(fault instanceof Fault.MalformedChunk malformed)) {
            return events.concatMapIterable(render);
        }
        return Flux.defer(() -> {
            AtomicInteger tokens = new AtomicInteger();
            return events.concatMapIterable(event -> {
                List<byte[]> frames = new ArrayList<>(render.apply(event));
                if (strikesAfter(event, tokens, malformed.afterTokens())) {
                    frames.add(MALFORMED_EVENT.clone());
                }
                return frames;
            });
        });
    }

    /** For a response that is not streamed: the first half of its body, to be cut off or sent as is. */
    public static byte[] truncated(byte[] body) {
        return Arrays.copyOf(body, body.length / 2);
    }

    /** Delays a whole (non-streamed) response as a slow first token or a stall would. */
    public static <T> Mono<T> beforeResponse(Mono<T> response, @Nullable Fault fault) {
        return switch (fault) {
            case Fault.SlowFirstToken slow -> Mono.delay(slow.delay()).then(response);
            case Fault.Stall stall -> stall.duration() == null
                    ? Mono.never()
                    : Mono.delay(stall.duration()).then(response);
            case null, default -> response;
        };
    }

    /** Whether the fault strikes right after this event: after the n-th token, or after the start when n is 0. */
    private static boolean strikesAfter(GenerationEvent event, AtomicInteger tokens, int afterTokens) {
        return switch (event) {
            case GenerationEvent.Started started -> afterTokens == 0;
            case GenerationEvent.Token token -> tokens.incrementAndGet() == afterTokens;
            default -> false;
        };
    }
}
