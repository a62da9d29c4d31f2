package io.switchboard.simulator.generation;

import io.switchboard.simulator.generation.GenerationOutcome.Status;
import io.switchboard.simulator.reply.ReplyPlan;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Plays a {@link ReplyPlan.Completion} back in time. All waiting is Reactor timers on the parallel scheduler, so a
 * thousand slow streams cost no threads; a cancelled subscription (the client went away) cancels the pending timer and
 * nothing more is generated.
 */
public final class Generator {

    private final GenerationMonitor monitor;

    public Generator(GenerationMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * The generation as events: {@link GenerationEvent.Started} after the time to first token, then each token one
     * token interval after the previous one, then {@link GenerationEvent.Finished}. {@code delayElements} waits for
     * demand, so a slow reader slows the generation instead of overflowing it.
     */
    public Flux<GenerationEvent> stream(String id, ReplyPlan.Completion plan) {
        return Flux.defer(() -> {
            Progress progress = new Progress();
            Flux<GenerationEvent> tokens = Flux.fromIterable(plan.sequence())
                    .delayElements(plan.timing().tokenInterval())
                    .map(token -> {
                        progress.emitted.incrementAndGet();
                        monitor.tokensEmitted(1);
                        return new GenerationEvent.Token(token.text(), token.kind());
                    });
            Mono<GenerationEvent> finished = Mono.fromSupplier(() -> {
                progress.finished.set(true);
                return new GenerationEvent.Finished(plan.finishReason(), plan.usage());
            });
            return Mono.delay(plan.timing().timeToFirstToken())
                    .<GenerationEvent>map(tick -> new GenerationEvent.Started())
                    .concatWith(tokens)
                    .concatWith(finished)
                    .doOnSubscribe(subscription -> monitor.started(id))
                    .doFinally(signal -> monitor.finished(progress.outcome(id, plan, signal)));
        });
    }

    /** The whole generation at once, after the time it would have taken to stream it. */
    public Mono<ReplyPlan.Completion> complete(String id, ReplyPlan.Completion plan) {
        return Mono.defer(() -> {
            Progress progress = new Progress();
            int count = plan.sequence().size();
            return Mono.delay(plan.timing().durationOf(count))
                    .map(tick -> {
                        progress.emitted.set(count);
                        progress.finished.set(true);
                        monitor.tokensEmitted(count);
                        return plan;
                    })
                    .doOnSubscribe(subscription -> monitor.started(id))
                    .doFinally(signal -> monitor.finished(progress.outcome(id, plan, signal)));
        });
    }

    /** Per-subscription state: never a field of the bean, which serves every request. */
    private static final class Progress {

        final AtomicInteger emitted = new AtomicInteger();
        final AtomicBoolean finished = new AtomicBoolean();

        /** A cancel after the end was produced (a {@code Mono} consumer may cancel once it has the value) completed. */
        GenerationOutcome outcome(String id, ReplyPlan.Completion plan, SignalType signal) {
            Status status = switch (signal) {
                case ON_COMPLETE -> Status.COMPLETED;
                case CANCEL -> finished.get() ? Status.COMPLETED : Status.CANCELLED;
                default -> Status.FAILED;
            };
            return new GenerationOutcome(id, status, plan.sequence().size(), emitted.get());
        }
    }
}
