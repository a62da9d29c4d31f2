package io.switchboard.gateway.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.ratelimit.RateLimitProperties;
import io.switchboard.gateway.support.TestCatalog;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.Role;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class CostEstimatorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ApiKeyRecord ANY_KEY = ApiKeyRecord.of("h", "t", Role.USER, "k", "k", Instant.EPOCH);

    private final CostEstimator estimator = new CostEstimator(new CreditProperties(Duration.ofHours(1), 1000, 8192),
            new RateLimitProperties(600, 0, 1024, 4, Duration.ofMinutes(10), true));

    @Test
    void shouldBoundThePromptByTheBodysBytesAndTheCompletionByMaxTokens() {
        String body = "{\"model\":\"test/cheap\",\"max_tokens\":100,\"messages\":[]}";

        ChatCost cost = estimate(body, ANY_KEY);

        // (bytes + 1,000 overhead) x 1,000 + 100 x 2,000 nanodollars.
        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertThat(cost.maxCost()).isEqualTo((bytes + 1000) * 1000 + 100 * 2000);
        assertThat(cost.models()).containsExactly("test/cheap");
    }

    @Test
    void shouldUseTheEndpointsLargestCompletionWithoutMaxTokens() {
        String body = "{\"model\":\"test/cheap\",\"messages\":[]}";

        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertThat(estimate(body, ANY_KEY).maxCost()).isEqualTo((bytes + 1000) * 1000 + 1000 * 2000);
    }

    @Test
    void shouldTakeTheDearestEndpointOfTheModelAndItsFallbacks() {
        String body = "{\"model\":\"test/cheap\",\"models\":[\"test/pricey\"],\"max_tokens\":10,\"messages\":[]}";

        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        // beta's endpoint of test/pricey: 10,000 / 30,000 nanodollars per token.
        assertThat(estimate(body, ANY_KEY).maxCost()).isEqualTo((bytes + 1000) * 10_000 + 10 * 30_000);
    }

    @Test
    void shouldMultiplyTheCompletionByTheNumberOfChoices() {
        String one = "{\"model\":\"test/cheap\",\"max_tokens\":100,\"n\":1,\"messages\":[]}";
        String four = "{\"model\":\"test/cheap\",\"max_tokens\":100,\"n\":4,\"messages\":[]}";

        assertThat(estimate(four, ANY_KEY).maxCost() - estimate(one, ANY_KEY).maxCost()).isEqualTo(3 * 100 * 2000);
    }

    @Test
    void shouldBoundAPromptWithFilesByTheContextLength() {
        String body = "{\"model\":\"test/cheap\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"file\",\"file\":{\"file_data\":\"https://example.com/a.pdf\"}}]}]}";

        assertThat(estimate(body, ANY_KEY).maxCost()).isEqualTo(10_000L * 1000);
    }

    @Test
    void shouldCountImagesAtTheConfiguredTokensEach() {
        String body = "{\"model\":\"test/pricey\",\"max_tokens\":0,\"messages\":[{\"role\":\"user\",\"content\":"
                + "[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}}]}]}";

        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertThat(estimate(body, ANY_KEY).maxCost()).isEqualTo((bytes + 1000 + 8192) * 10_000);
    }

    @Test
    void shouldEstimateTokensFromBytesAndTheRequestedCompletion() {
        String body = "{\"model\":\"test/cheap\",\"max_tokens\":100,\"messages\":[]}";

        long bytes = body.getBytes(StandardCharsets.UTF_8).length;
        assertThat(estimate(body, ANY_KEY).tokens()).isEqualTo((bytes + 3) / 4 + 100);
        assertThat(estimate("{\"model\":\"test/cheap\"}", ANY_KEY).tokens()).isEqualTo(6 + 1024);
    }

    @Test
    void shouldRefuseAModelOutsideTheKeysAllowedModelsWith403() {
        ApiKeyRecord restricted = new ApiKeyRecord("h", "t", Role.USER, "k", "k", false, null,
                ApiKeyRecord.RateLimits.DEFAULTS, List.of("test/cheap"), false, null, Instant.EPOCH, null, null);

        assertThatThrownBy(() -> estimate("{\"model\":\"test/cheap\",\"models\":[\"test/pricey\"]}", restricted))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(403));
        assertThat(estimate("{\"model\":\"test/cheap:nitro\"}", restricted).models()).containsExactly(
                "test/cheap:nitro");
    }

    @Test
    void shouldRefuseWhatItCannotBoundWith400() {
        for (String body : new String[]{"[]", "{}", "{\"model\":7}", "{\"model\":\"no/such\"}",
                "{\"model\":\"test/off\"}", "{\"model\":\"test/cheap\",\"max_tokens\":-1}",
                "{\"model\":\"test/cheap\",\"max_tokens\":\"9\"}", "{\"model\":\"test/cheap\",\"n\":0}",
                "{\"model\":\"test/cheap\",\"n\":129}", "{\"model\":\"test/cheap\",\"models\":\"x\"}"}) {
            assertThatThrownBy(() -> estimate(body, ANY_KEY)).as(body)
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(400));
        }
    }

    private ChatCost estimate(String body, ApiKeyRecord key) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return estimator.estimate(JSON.readTree(bytes), bytes.length, TestCatalog.SNAPSHOT, key);
    }
}
