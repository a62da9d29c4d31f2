package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.switchboard.localstack.LocalStack;
import io.switchboard.testsupport.metrics.PrometheusScrape;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart's Grafana dashboard against a running cluster: after ordinary traffic (a completion, a stream, a failover,
 * a refused request), every metric any panel queries is exposed by some service's {@code /actuator/prometheus}.
 */
@ExtendWith(SharedCluster.class)
class DashboardMetricsEndToEndIT {

    private static final String MODEL = "mistralai/mistral-small-2603";
    private static final List<String> SERVICES = List.of("gateway-service", "routing-service", "billing-service",
            "catalog-service");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static OpenAIClient openai;

    @BeforeAll
    static void connect() {
        stack = SharedCluster.stack();
        openai = OpenAIOkHttpClient.builder().baseUrl(stack.baseUrl()).apiKey(stack.demoKey()).maxRetries(0).build();
    }

    @Test
    void shouldExposeEveryMetricTheDashboardQueries() throws Exception {
        Set<String> queried = DashboardQueries.metricNames(Path.of(System.getProperty("switchboard.dashboard")));
        assertThat(queried).as("metrics the dashboard queries")
                .hasSizeGreaterThan(15)
                .contains("switchboard_routing_requests_total", "switchboard_billing_consumer_lag_records",
                        "switchboard_gateway_rejections_total");

        openai.chat().completions().create(chat(List.of("mistral")).build());
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat()
                .completions()
                .createStreaming(chat(List.of("mistral")).build())) {
            assertThat(stream.stream().filter(chunk -> chunk.usage().isPresent()).count()).isEqualTo(1);
        }
        simulatorFault("mistral", "{\"type\":\"http_error\",\"status\":503,\"times\":1}");
        ChatCompletion failedOver = openai.chat().completions().create(chat(List.of("mistral", "deepinfra")).build());
        assertThat(failedOver._additionalProperties().get("provider")).isEqualTo(JsonValue.from("DeepInfra"));
        HttpResponse<String> withoutKey = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/models"))
                .GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withoutKey.statusCode()).isEqualTo(401);

        // Billing consumes the usage events in the background; its lag series appear once it has fetched them.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Set<String> exposed = new TreeSet<>();
            for (String service : SERVICES) {
                exposed.addAll(PrometheusScrape.of(stack.service(service).managementUrl()).names());
            }
            assertThat(exposed).as("metrics exposed by %s", SERVICES).containsAll(queried);
        });
    }

    private static ChatCompletionCreateParams.Builder chat(List<String> providers) {
        return ChatCompletionCreateParams.builder()
                .model(MODEL)
                .addUserMessage("echo: metrics")
                .putAdditionalBodyProperty("provider", JsonValue.from(Map.of("order", providers)));
    }

    private static void simulatorFault(String prefix, String fault) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                stack.service("provider-simulator").url().resolve("/_simulator/faults/" + prefix))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(fault))
                .build();
        assertThat(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
    }
}
