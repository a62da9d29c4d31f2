package io.switchboard.simulator.reply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {

    @Test
    void shouldSplitBeforeEachWordThatFollowsWhitespace() {
        assertThat(ReplyText.tokenise("one two three")).containsExactly("one", " two", " three");
    }

    @Test
    void shouldKeepEveryCharacterSoTokensConcatenateToTheText() {
        String text = " leading  double\nnew line\ttab trailing  ";

        assertThat(String.join("", ReplyText.tokenise(text))).isEqualTo(text);
        assertThat(ReplyText.tokenise(text)).containsExactly(" leading", "  double", "\nnew", " line", "\ttab",
                " trailing  ");
    }

    @Test
    void shouldHaveNoTokensForEmptyText() {
        assertThat(ReplyText.tokenise("")).isEmpty();
    }

    @Test
    void shouldGenerateTheSameWordsForTheSameSeed() {
        assertThat(ReplyText.random(42, 30)).isEqualTo(ReplyText.random(42, 30)).hasSize(30);
        assertThat(ReplyText.random(42, 30)).isNotEqualTo(ReplyText.random(43, 30));
    }

    @Test
    void shouldStartOnlyTheFirstGeneratedWordWithoutSpace() {
        var tokens = ReplyText.random(7, 5);

        assertThat(tokens.getFirst()).doesNotStartWith(" ");
        assertThat(tokens.subList(1, 5)).allSatisfy(token -> assertThat(token).matches(" \\S+"));
        assertThat(ReplyText.tokenise(String.join("", tokens))).isEqualTo(tokens);
    }
}
