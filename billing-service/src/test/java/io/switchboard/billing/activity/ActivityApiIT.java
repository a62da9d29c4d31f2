package io.switchboard.billing.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.testsupport.contract.OpenRouterContract;
import io.switchboard.usage.TokenUsage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ActivityApiIT extends BillingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String tenant = TestEvents.newTenant();
    private final Instant yesterday = Instant.now().minus(Duration.ofDays(1));
    private final Instant lastWeek = Instant.now().minus(Duration.ofDays(7));

    private void publishActivity() {
        TestEvents.Generation small = TestEvents.generation(tenant).at(yesterday);
        TestEvents.Generation tiny = small.served("mistralai/mistral-7b-instruct-v0.2",
                "together:mistralai/mistral-7b-instruct-v0.2", "Together", TestEvents.MISTRAL_7B);
        TestKafka.publish(List.of(
                small.id(TestEvents.newGenerationId()).key("key-a").tokens(1_000, 500).event(),
                small.id(TestEvents.newGenerationId())
                        .key("key-b")
                        .usage(new TokenUsage(2_000, 300, 0, 0, 100, 0, false))
                        .event(),
                tiny.id(TestEvents.newGenerationId()).key("key-a").tokens(750, 250).event(),
                small.id(TestEvents.newGenerationId()).at(lastWeek).tokens(10, 10).event(),
                small.id(TestEvents.newGenerationId()).at(Instant.now()).tokens(10, 10).event(),
                small.id(TestEvents.newGenerationId())
                        .at(Instant.now().minus(Duration.ofDays(40)))
                        .tokens(10, 10)
                        .event()));
        awaitConsumed();
    }

    @Test
    void shouldGroupTheCompletedDaysActivityByModelAndEndpointAcrossKeys() {
        publishActivity();

        String body = body(get("/api/v1/activity", manager(tenant)).expectStatus().isOk());

        OpenRouterContract.assertConforms("ActivityResponse", body);
        JsonNode data = JSON.readTree(body).get("data");
        assertThat(data).hasSize(3);
        JsonNode small = row(data, day(yesterday), "mistralai/mistral-small-2603");
        assertThat(small.get("requests").asLong()).isEqualTo(2);
        assertThat(small.get("prompt_tokens").asLong()).isEqualTo(3_000);
        assertThat(small.get("completion_tokens").asLong()).isEqualTo(800);
        assertThat(small.get("reasoning_tokens").asLong()).isEqualTo(100);
        // 1000 × 0.15 + 500 × 0.6 + 2000 × 0.15 + 300 × 0.6 per million
        assertThat(small.get("usage").decimalValue()).isEqualByComparingTo("0.00093");
        assertThat(small.get("byok_usage_inference").decimalValue()).isEqualByComparingTo("0");
        assertThat(small.get("endpoint_id").asString()).isEqualTo("mistral:mistralai/mistral-small-2603");
        assertThat(small.get("provider_name").asString()).isEqualTo("Mistral");
        JsonNode tiny = row(data, day(yesterday), "mistralai/mistral-7b-instruct-v0.2");
        assertThat(tiny.get("usage").decimalValue()).isEqualByComparingTo("0.00018");
        assertThat(tiny.get("provider_name").asString()).isEqualTo("Together");
        assertThat(row(data, day(lastWeek), "mistralai/mistral-small-2603").get("requests").asLong()).isEqualTo(1);
    }

    @Test
    void shouldLeaveOutTodayAndDaysBeforeTheLastThirty() {
        publishActivity();

        JsonNode data = JSON.readTree(body(get("/api/v1/activity", manager(tenant)).expectStatus().isOk()))
                .get("data");

        assertThat(data).extracting(item -> item.get("date").asString())
                .containsOnly(day(yesterday), day(lastWeek));
    }

    @Test
    void shouldShowOneKeysActivity() {
        publishActivity();

        JsonNode data = JSON.readTree(body(get("/api/v1/activity?api_key_hash=key-b&date=" + day(yesterday),
                manager(tenant)).expectStatus().isOk())).get("data");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("requests").asLong()).isEqualTo(1);
        assertThat(data.get(0).get("prompt_tokens").asLong()).isEqualTo(2_000);
    }

    @Test
    void shouldShowOneDaysActivity() {
        publishActivity();

        JsonNode data = JSON.readTree(body(get("/api/v1/activity?date=" + day(lastWeek), manager(tenant))
                .expectStatus()
                .isOk())).get("data");

        assertThat(data).hasSize(1);
        assertThat(data.get(0).get("date").asString()).isEqualTo(day(lastWeek));
    }

    @Test
    void shouldShowNothingForATenantWithoutActivity() {
        get("/api/v1/activity", manager(TestEvents.newTenant())).expectStatus()
                .isOk()
                .expectBody()
                .json("{\"data\":[]}");
    }

    @Test
    void shouldRefuseActivityToAnInferenceKey() {
        get("/api/v1/activity", user(tenant)).expectStatus().isForbidden();
    }

    @Test
    void shouldRefuseADateOutsideTheCompletedThirtyDays() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        get("/api/v1/activity?date=" + today, manager(tenant)).expectStatus().isBadRequest();
        get("/api/v1/activity?date=2026-13-01", manager(tenant)).expectStatus().isBadRequest();
    }

    @Test
    void shouldRefuseFiltersItCannotHonour() {
        get("/api/v1/activity?group_by=workspace", manager(tenant)).expectStatus().isBadRequest();
        get("/api/v1/activity?user_id=user_1", manager(tenant)).expectStatus().isBadRequest();
    }

    private static JsonNode row(JsonNode data, String date, String model) {
        for (JsonNode item : data) {
            if (item.get("date").asString().equals(date) && item.get("model").asString().equals(model)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + model + " on " + date + " in " + data);
    }

    private static String day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String body(WebTestClient.ResponseSpec response) {
        return new String(response.expectBody().returnResult().getResponseBodyContent(), StandardCharsets.UTF_8);
    }
}
