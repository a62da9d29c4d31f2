package io.switchboard.simulator.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Reply text as tokens. A token is one word with the whitespace before it, so the tokens concatenate back to exactly
 * the text: a stream's content deltas then add up to the non-streamed {@code content} byte for byte.
 */
public final class ReplyText {

    private static final String[] VOCABULARY = {"the", "gateway", "routes", "each", "request", "to", "a", "provider",
            "that", "answers", "with", "tokens", "streamed", "over", "plain", "HTTP", "while", "billing", "counts",
            "every", "prompt", "and", "completion", "model", "latency", "stays", "low", "because", "nothing",
            "blocks", "on", "event", "loop", "threads", "so", "many", "streams", "share", "few", "cores", "retries",
            "fail", "fast", "quickly", "when", "an", "upstream", "returns", "errors", "or", "stalls", "then",
            "usage", "events", "reach", "Kafka", "once", "credits", "are", "settled", "per", "tenant", "key",
            "simulated"};

    private ReplyText() {
    }

    /**
     * {@code count} words from the built-in vocabulary, the same for the same seed. {@link Random}'s algorithm is fixed
     * by its specification, so a seed gives the same words on every JVM (golden files rely on it).
     */
    public static List<String> random(long seed, int count) {
        Random random = new Random(seed);
        List<String> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String word = VOCABULARY[random.nextInt(VOCABULARY.length)];
            tokens.add(i == 0 ? word : " " + word);
        }
        return tokens;
    }

    /**
     * Splits {@code text} before every word that follows whitespace, keeping all characters: {@code "a  b\nc"} becomes
     * {@code ["a", "  b", "\nc"]}. Trailing whitespace stays on the last token; an empty text has no tokens.
     */
    public static List<String> tokenise(String text) {
        List<String> tokens = new ArrayList<>();
        int lastWordChar = text.length() - 1;
        while (lastWordChar >= 0 && Character.isWhitespace(text.charAt(lastWordChar))) {
            lastWordChar--;
        }
        int start = 0;
        for (int i = 1; i <= lastWordChar; i++) {
            if (Character.isWhitespace(text.charAt(i)) && !Character.isWhitespace(text.charAt(i - 1))) {
                tokens.add(text.substring(start, i));
                start = i;
            }
        }
        if (start < text.length()) {
            tokens.add(text.substring(start));
        }
        return tokens;
    }
}
