package io.switchboard.routing.completion;

import io.switchboard.routing.metrics.RoutingMetrics;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.routing.stats.EndpointStatsRecorder;
import io.switchboard.usage.Outcome;
import io.switchboard.usage.TokenUsage;
import io.switchboard.usage.UsageData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Closes a generation once, however it ended: its usage event ({@link UsageRecorder}), its metrics and the serving
 * endpoint's statistics.
 *
 * <p>The ending is taken from the signal the pipeline emits, before it reaches the subscriber ({@code doOnComplete},
 * {@code doOnError}, {@code doOnCancel}), not from {@code doFinally}: a subscriber that cancels while handling the
 * completion (as Reactor's multicast operators do) would make {@code doFinally} report a cancel for a completed
 * generation.
 */
@Component
class GenerationFinisher {

    private final UsageRecorder usage;
    private final EndpointStatsRecorder stats;
    private final RoutingMetrics metrics;
    private final Clock clock;

    GenerationFinisher(UsageRecorder usage, EndpointStatsRecorder stats, RoutingMetrics metrics, Clock clock) {
        this.usage = usage;
        this.stats = stats;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The generation's pipeline, finishing it on whichever end signal comes first. */
    <T> Flux<T> finishOn(Flux<T> generation, GenerationTracker tracker) {
        return generation.doOnComplete(() -> finish(tracker, SignalType.ON_COMPLETE))
                .doOnError(failure -> finish(tracker, SignalType.ON_ERROR))
                .doOnCancel(() -> finish(tracker, SignalType.CANCEL));
    }

    <T> Mono<T> finishOn(Mono<T> generation, GenerationTracker tracker) {
        return generation.doOnSuccess(done -> finish(tracker, SignalType.ON_COMPLETE))
                .doOnError(failure -> finish(tracker, SignalType.ON_ERROR))
                .doOnCancel(() -> finish(tracker, SignalType.CANCEL));
    }

    void finish(GenerationTracker tracker, SignalType signal) {
        if (!tracker.claimFinish()) {
            return;
        }
        Outcome outcome = outcome(signal, tracker);
        Candidate served = tracker.served();
        Generation generation = tracker.generation();
        UsageData recorded = usage.record(tracker, outcome);
        metrics.finished(generation.requestedModel(), tracker.billedTo(), metricOutcome(outcome, served),
                generation.request().isStream(), recorded);
        if (recorded == null || served == null) {
            return;
        }
        Instant started = tracker.servedAttemptStartedAt();
        Instant firstByte = tracker.firstByteAt();
        if (started == null || firstByte == null) {
            return;
        }
        boolean completedStream = outcome == Outcome.COMPLETED && tracker.generation().request().isStream();
        TokenUsage tokens = completedStream ? usage.tokens(tracker) : null;
        Instant last = tracker.lastChunkAt() == null ? clock.instant() : tracker.lastChunkAt();
        stats.attemptServed(served.endpoint().id(), Duration.between(started, firstByte),
                outcome == Outcome.FAILED, tokens == null ? null : tokens.completionTokens(),
                tokens == null ? null : Duration.between(firstByte, last));
    }

    private static String metricOutcome(Outcome outcome, @Nullable Candidate served) {
        return switch (outcome) {
            case COMPLETED -> RoutingMetrics.SUCCESS;
            case FAILED -> served == null ? RoutingMetrics.ERROR : RoutingMetrics.FAILED;
            case CANCELLED -> RoutingMetrics.CANCELLED;
        };
    }

    static Outcome outcome(SignalType signal, GenerationTracker tracker) {
        if (signal == SignalType.CANCEL) {
            return Outcome.CANCELLED;
        }
        return signal == SignalType.ON_COMPLETE && !tracker.hasFailedAfterFirstByte()
                ? Outcome.COMPLETED
                : Outcome.FAILED;
    }
}
