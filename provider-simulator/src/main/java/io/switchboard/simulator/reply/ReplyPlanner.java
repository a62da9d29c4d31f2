package io.switchboard.simulator.reply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Decides the reply to a request. Pure and deterministic: the same request and configuration always give the same
 * tokens, so tests and benchmarks can compare runs.
 */
public final class ReplyPlanner {

    /** A last user message starting with this makes the rest of it (trimmed) the reply, so tests choose it exactly. */
    public static final String ECHO_PREFIX = "echo:";

    private final ReplyDefaults defaults;
    private final TokenCounter counter;

    public ReplyPlanner(ReplyDefaults defaults, TokenCounter counter) {
        this.defaults = defaults;
        this.counter = counter;
    }

    public ReplyPlan plan(ReplyRequest request) {
        List<String> reply = replyTokens(request);
        Integer maxTokens = request.maxTokens();
        boolean cut = maxTokens != null && maxTokens < reply.size();
        List<String> tokens = cut ? reply.subList(0, maxTokens) : reply;
        return new ReplyPlan.Completion(tokens, cut ? FinishReason.LENGTH : FinishReason.STOP,
                counter.promptTokens(request.messages()), timing(request.overrides()));
    }

    private List<String> replyTokens(ReplyRequest request) {
        String lastUserText = lastUserText(request.messages());
        if (lastUserText != null && lastUserText.startsWith(ECHO_PREFIX)) {
            return ReplyText.tokenise(lastUserText.substring(ECHO_PREFIX.length()).trim());
        }
        String fixed = defaults.replyText();
        if (fixed != null) {
            return ReplyText.tokenise(fixed);
        }
        int count = Objects.requireNonNullElse(request.overrides().replyTokens(), defaults.replyTokens());
        return ReplyText.random(seed(request), count);
    }

    private Timing timing(Overrides overrides) {
        Timing base = defaults.timing();
        return new Timing(Objects.requireNonNullElse(overrides.timeToFirstToken(), base.timeToFirstToken()),
                Objects.requireNonNullElse(overrides.tokensPerSecond(), base.tokensPerSecond()));
    }

    private static @Nullable String lastUserText(List<PromptMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).text();
            }
        }
        return null;
    }

    /**
     * The first 8 bytes of SHA-256 over the model and every message's text, each preceded by a zero byte so that
     * moving text between messages changes the seed.
     */
    private static long seed(ReplyRequest request) {
        MessageDigest digest = sha256();
        digest.update(request.model().getBytes(StandardCharsets.UTF_8));
        for (PromptMessage message : request.messages()) {
            digest.update((byte) 0);
            digest.update(message.text().getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-256", e);
        }
    }
}
