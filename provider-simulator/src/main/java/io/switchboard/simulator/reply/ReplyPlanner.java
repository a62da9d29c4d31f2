package io.switchboard.simulator.reply;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decides the reply to a request. Pure and deterministic: the same request and configuration always give the same
 * tokens, so tests and benchmarks can compare runs.
 */
public final class ReplyPlanner {

    /** A last user message starting with this makes the rest of it (trimmed) the reply, so tests choose it exactly. */
    public static final String ECHO_PREFIX = "echo:";
    /**
     * When the request declares tools and its last message is the user's, starting with this, the reply calls the
     * first declared tool with the rest of the message (trimmed) as its arguments: a JSON object as written, anything
     * else wrapped as {@code {"input": <text>}}, nothing as {@code {}}.
     */
    public static final String TOOL_PREFIX = "tool:";
    /** Reasoning tokens played before the answer when the request asks for reasoning, unless overridden. */
    public static final int REASONING_TOKENS = 8;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ReplyDefaults defaults;
    private final TokenCounter counter;

    public ReplyPlanner(ReplyDefaults defaults, TokenCounter counter) {
        this.defaults = defaults;
        this.counter = counter;
    }

    public ReplyPlan plan(ReplyRequest request) {
        List<String> reasoning = request.reasoning()
                ? ReplyText.random(seed(request) + 1, Objects.requireNonNullElse(request.overrides().reasoningTokens(),
                        REASONING_TOKENS))
                : List.of();
        int promptTokens = counter.promptTokens(request.messages());
        ToolCallPlan toolCall = toolCall(request);
        if (toolCall != null) {
            return new ReplyPlan.Completion(List.of(), FinishReason.TOOL_CALLS, promptTokens,
                    timing(request.overrides()), reasoning, toolCall);
        }
        List<String> reply = replyTokens(request);
        Integer maxTokens = request.maxTokens();
        boolean cut = maxTokens != null && maxTokens < reply.size();
        List<String> tokens = cut ? reply.subList(0, maxTokens) : reply;
        return new ReplyPlan.Completion(tokens, cut ? FinishReason.LENGTH : FinishReason.STOP, promptTokens,
                timing(request.overrides()), reasoning, null);
    }

    /**
     * The call {@link #TOOL_PREFIX} asks for. Only the conversation's last message counts, so that once the client has
     * sent the tool's result back the model answers instead of calling the tool again.
     */
    private static @Nullable ToolCallPlan toolCall(ReplyRequest request) {
        if (request.tools().isEmpty() || request.messages().isEmpty()) {
            return null;
        }
        PromptMessage last = request.messages().getLast();
        if (!last.role().equals("user") || !last.text().startsWith(TOOL_PREFIX)) {
            return null;
        }
        String arguments = last.text().substring(TOOL_PREFIX.length()).trim();
        return new ToolCallPlan(request.tools().getFirst(), jsonObject(arguments));
    }

    private static String jsonObject(String arguments) {
        if (arguments.isEmpty()) {
            return "{}";
        }
        try {
            if (JSON.readTree(arguments).isObject()) {
                return arguments;
            }
        } catch (JacksonException notJson) {
            // wrapped below
        }
        ObjectNode wrapped = JSON.createObjectNode().put("input", arguments);
        return JSON.writeValueAsString(wrapped);
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
