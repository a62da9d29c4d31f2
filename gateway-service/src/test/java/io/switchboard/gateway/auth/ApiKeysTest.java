package io.switchboard.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void shouldAcceptOnlyKeysOfTheSwitchboardForm() {
        assertThat(ApiKeys.looksValid("sk-sb-v1-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL")).isTrue();
        assertThat(ApiKeys.looksValid("sk-or-v1-abcdefghijklmnopqrstuvwxyz0123456789")).isFalse();
        assertThat(ApiKeys.looksValid("sk-sb-v1-short")).isFalse();
        assertThat(ApiKeys.looksValid("sk-sb-v1-abcdefghijklmnop qrstuvwxyz")).isFalse();
        assertThat(ApiKeys.looksValid("sk-sb-v1-abcdefghijklmnopé")).isFalse();
    }

    @Test
    void shouldHashToSha256Hex() {
        assertThat(ApiKeys.hash("sk-sb-v1-abcdefghijklmnopqrstuvwxyz"))
                .hasSize(64)
                .matches("[0-9a-f]{64}")
                .isNotEqualTo(ApiKeys.hash("sk-sb-v1-abcdefghijklmnopqrstuvwxyZ"));
    }

    @Test
    void shouldGenerateKeysOfTheSwitchboardFormThatDiffer() {
        io.switchboard.kit.ids.RandomIds ids = new io.switchboard.kit.ids.RandomIds();

        String first = ApiKeys.generate(ids);

        assertThat(ApiKeys.looksValid(first)).isTrue();
        assertThat(first).hasSize(ApiKeys.PREFIX.length() + ApiKeys.RANDOM_LENGTH).isNotEqualTo(ApiKeys.generate(ids));
    }

    @Test
    void shouldLabelAKeyWithoutRevealingIt() {
        String key = "sk-sb-v1-abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJKL";

        assertThat(ApiKeys.label(key)).isEqualTo("sk-sb-v1-abc...IJKL");
    }

    @Test
    void shouldRecogniseOnlyLowerCaseSha256HexAsAHash() {
        assertThat(ApiKeys.looksLikeHash(ApiKeys.hash("x"))).isTrue();
        assertThat(ApiKeys.looksLikeHash(ApiKeys.hash("x").toUpperCase())).isFalse();
        assertThat(ApiKeys.looksLikeHash("abc")).isFalse();
    }
}
