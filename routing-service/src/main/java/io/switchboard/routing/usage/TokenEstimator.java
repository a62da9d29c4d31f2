package io.switchboard.routing.usage;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import io.switchboard.routing.chat.ChatMessage;
import io.switchboard.routing.chat.ToolCall;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Counts tokens offline (jtokkit, cl100k_base) when a provider reports no usage, so a generation is never billed as
 * zero. The figures are marked estimated wherever they appear.
 */
@Component
public class TokenEstimator {

    /** Per-message overhead of the chat format (role and separators), as OpenAI counts it. */
    private static final int TOKENS_PER_MESSAGE = 3;

    private final Encoding encoding = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

    public long count(String text) {
        return text.isEmpty() ? 0 : encoding.countTokensOrdinary(text);
    }

    public long countPrompt(List<ChatMessage> messages) {
        long tokens = 0;
        for (ChatMessage message : messages) {
            tokens += TOKENS_PER_MESSAGE + count(message.text());
            // Earlier tool calls are part of the prompt the provider reads again.
            for (ToolCall call : message.toolCallsOrEmpty()) {
                if (call.function() != null) {
                    tokens += count(Objects.requireNonNullElse(call.function().name(), ""))
                            + count(Objects.requireNonNullElse(call.function().arguments(), ""));
                }
            }
        }
        return tokens;
    }
}
