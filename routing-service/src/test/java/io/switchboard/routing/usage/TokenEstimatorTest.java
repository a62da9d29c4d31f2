package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.chat.ChatMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenEstimatorTest {

    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void shouldCountTokensWithTheCl100kTokenizer() {
        assertThat(estimator.count("Hello world")).isEqualTo(2);
        assertThat(estimator.count("")).isZero();
    }

    @Test
    void shouldAddThePerMessageOverheadToPromptTokens() {
        ChatMessage message = ChatMessage.of("user", "Hello world");

        assertThat(estimator.countPrompt(List.of(message, message))).isEqualTo(2 * (3 + 2));
    }
}
