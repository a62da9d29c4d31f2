package io.switchboard.simulator.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCounterTest {

    private static final TokenCounter COUNTER = TokenCounter.cl100kBase();

    @Test
    void shouldCountCl100kBaseTokens() {
        // cl100k_base: "Hello" "," " world" "!"
        assertThat(COUNTER.count("Hello, world!")).isEqualTo(4);
        assertThat(COUNTER.count("")).isZero();
    }

    @Test
    void shouldCountSpecialTokenMarkersAsOrdinaryText() {
        assertThat(COUNTER.count("<|endoftext|>")).isGreaterThan(1);
    }

    @Test
    void shouldAddThreeTokensPerMessageToTheTextTokens() {
        List<PromptMessage> messages = List.of(PromptMessage.of("system", "Hello, world!"),
                PromptMessage.of("user", "Hello, world!"));

        assertThat(COUNTER.promptTokens(messages)).isEqualTo(2 * (4 + 3));
    }

    @Test
    void shouldCountEveryTextPartAndNothingForAMessageWithoutText() {
        List<PromptMessage> messages = List.of(new PromptMessage("user", List.of("Hello, world!", "Hello, world!")),
                new PromptMessage("assistant", List.of()));

        assertThat(COUNTER.promptTokens(messages)).isEqualTo(4 + 4 + 3 + 3);
    }
}
