package io.switchboard.routing.completion;

import io.switchboard.routing.chat.ChatChunk;
import io.switchboard.routing.chat.ChatCompletion;
import io.switchboard.routing.chat.Usage;
import io.switchboard.routing.provider.ProviderException;
import io.switchboard.routing.selection.Candidate;
import io.switchboard.usage.FailoverAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * What happens to one generation while it runs: the endpoints tried, which one served, when the first token came,
 * the text delivered, the provider's usage and finish reason. One instance per request, never shared; the signals of
 * one reactive pipeline are serialised, so it needs no locking.
 */
public final class GenerationTracker {

    private final Generation generation;
    private final List<FailoverAttempt> failover = new ArrayList<>();
    private final StringBuilder completionText = new StringBuilder();
    private final StringBuilder reasoningText = new StringBuilder();
    private final AtomicBoolean recorded = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private @Nullable Candidate attempting;
    private @Nullable Instant attemptStartedAt;
    private @Nullable Candidate served;
    private @Nullable Candidate lastTried;
    private @Nullable Candidate lastCalled;
    private @Nullable Throwable lastCallFailure;
    private @Nullable Instant servedAttemptStartedAt;
    private @Nullable Instant firstByteAt;
    private @Nullable Instant lastChunkAt;
    private @Nullable Instant firstTokenAt;
    private @Nullable Usage providerUsage;
    private @Nullable String finishReason;
    private @Nullable String nativeFinishReason;
    private @Nullable String upstreamId;
    private boolean failedAfterFirstByte;

    GenerationTracker(Generation generation) {
        this.generation = generation;
    }

    public Generation generation() {
        return generation;
    }

    void attempting(Candidate candidate, Instant now) {
        attempting = candidate;
        attemptStartedAt = now;
    }

    void failed(Candidate candidate, Throwable failure, Instant now) {
        long latency = attemptStartedAt == null ? 0 : Duration.between(attemptStartedAt, now).toMillis();
        addToTrail(candidate, failure, latency);
        attempting = null;
        lastCalled = candidate;
        lastCallFailure = failure;
    }

    /** An endpoint not called (breaker open, {@code Retry-After}): in the trail, so the outcome can be explained. */
    void skipped(Candidate candidate, Throwable reason) {
        addToTrail(candidate, reason, 0);
    }

    private void addToTrail(Candidate candidate, Throwable failure, long latency) {
        Integer status = failure instanceof ProviderException provider ? provider.status() : null;
        failover.add(new FailoverAttempt(candidate.provider().slug(), candidate.endpoint().id(), candidate.model().id(),
                status, shorten(failure.getMessage()), latency));
        lastTried = candidate;
    }

    /** The candidate's first byte arrived at {@code now}: it serves the generation. */
    void served(Candidate candidate, Instant now) {
        served = candidate;
        lastTried = candidate;
        servedAttemptStartedAt = attemptStartedAt;
        firstByteAt = now;
        lastChunkAt = now;
    }

    /** Notes what a streamed chunk carries; returns it unchanged. */
    void observe(ChatChunk chunk, Instant now) {
        lastChunkAt = now;
        if (upstreamId == null) {
            upstreamId = chunk.id();
        }
        if (chunk.usage() != null) {
            providerUsage = chunk.usage();
        }
        for (ChatChunk.ChunkChoice choice : chunk.choices()) {
            String content = choice.delta().content();
            completionText.append(choice.delta().generatedText());
            reasoningText.append(choice.delta().reasoningText());
            if (firstTokenAt == null && (content != null && !content.isEmpty() || !choice.delta().extra().isEmpty())) {
                firstTokenAt = now;
            }
            if (choice.finishReason() != null) {
                finishReason = choice.finishReason();
                nativeFinishReason = choice.nativeFinishReason() != null
                        ? choice.nativeFinishReason()
                        : choice.finishReason();
            }
        }
    }

    void observe(ChatCompletion completion, Instant now) {
        upstreamId = completion.id();
        providerUsage = completion.usage();
        firstTokenAt = now;
        for (ChatCompletion.Choice choice : completion.choices()) {
            completionText.append(choice.message().generatedText());
            reasoningText.append(choice.message().reasoningText());
            if (choice.finishReason() != null) {
                finishReason = choice.finishReason();
                nativeFinishReason = choice.nativeFinishReason() != null
                        ? choice.nativeFinishReason()
                        : choice.finishReason();
            }
        }
    }

    void failedAfterFirstByte() {
        failedAfterFirstByte = true;
        finishReason = "error";
    }

    /** True once, for the first end signal of the generation. */
    boolean claimFinish() {
        return finished.compareAndSet(false, true);
    }

    /** True once, for whoever records the usage event. */
    boolean claimRecording() {
        return recorded.compareAndSet(false, true);
    }

    public List<FailoverAttempt> failover() {
        return List.copyOf(failover);
    }

    public @Nullable Candidate served() {
        return served;
    }

    /** The endpoint being called or that served: what a cancellation or failure is billed to. */
    public @Nullable Candidate billedTo() {
        return served != null ? served : attempting;
    }

    /** The endpoint tried last, served or failed: who a failure is reported for. */
    public @Nullable Candidate lastTried() {
        return lastTried;
    }

    /** The last endpoint actually called that failed, and its failure (null if every endpoint was skipped). */
    public @Nullable Candidate lastCalled() {
        return lastCalled;
    }

    public @Nullable Throwable lastCallFailure() {
        return lastCallFailure;
    }

    /** When the serving endpoint's attempt started. */
    public @Nullable Instant servedAttemptStartedAt() {
        return servedAttemptStartedAt;
    }

    /** When the serving endpoint's first chunk (or whole response) arrived. */
    public @Nullable Instant firstByteAt() {
        return firstByteAt;
    }

    /** When the serving endpoint's last chunk arrived so far. */
    public @Nullable Instant lastChunkAt() {
        return lastChunkAt;
    }

    public @Nullable Instant firstTokenAt() {
        return firstTokenAt;
    }

    public @Nullable Usage providerUsage() {
        return providerUsage;
    }

    public @Nullable String finishReason() {
        return finishReason;
    }

    public @Nullable String nativeFinishReason() {
        return nativeFinishReason;
    }

    public @Nullable String upstreamId() {
        return upstreamId;
    }

    public boolean hasFailedAfterFirstByte() {
        return failedAfterFirstByte;
    }

    /** Everything generated so far: reasoning, content, tool calls. */
    public String completionText() {
        return completionText.toString();
    }

    /** The reasoning part of {@link #completionText()}. */
    public String reasoningText() {
        return reasoningText.toString();
    }

    private static String shorten(@Nullable String message) {
        if (message == null) {
            return "unknown error";
        }
        return message.length() > 300 ? message.substring(0, 300) : message;
    }
}
