package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.routing.chat.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class TokenEstimatorTest {

    private final TokenEstimator estimator = new TokenEstimator();

    @Test
    void shouldCountTokensWithTheCl100kTokenizer() {
        assertThat(estimator.count("Hello world")).isEqualTo(2);
        assertThat(estimator.count("")).isZero();
    }

    @Test
    void shouldAddThePerMessageOverheadToPromptTokens() {
        ChatMessage message = new ChatMessage("user", JsonNodeFactory.instance.stringNode("Hello world"), Map.of());

        assertThat(estimator.countPrompt(List.of(message, message))).isEqualTo(2 * (3 + 2));
    }
}
