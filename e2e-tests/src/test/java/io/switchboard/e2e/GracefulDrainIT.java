package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.localstack.LocalStack;
import io.switchboard.localstack.LocalStackOptions;
import io.switchboard.localstack.ServiceProcess;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Draining on SIGTERM, as Kubernetes stops a pod: routing-service turns not-ready and refuses new connections at
 * once, yet a stream it is serving runs to its end (every token, the usage chunk, {@code [DONE]}, the usage event
 * billed), and then the process exits by itself.
 */
class GracefulDrainIT {

    private static final String MODEL = "mistralai/mistral-small-2603";
    /** The simulator's pace for the open stream: 50 tokens at 5 per second, about ten seconds. */
    private static final int TOKENS = 50;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static LocalStack stack;

    @BeforeAll
    static void startCluster() {
        LocalStackOptions options = LocalStackOptions.of(0, TestInfrastructure.redis().url(),
                TestInfrastructure.kafka().bootstrapServers(), Path.of(System.getProperty("switchboard.stack.dir")),
                Path.of(System.getProperty("switchboard.e2e.work.dir")).resolve("drain"), "drain-" + UUID.randomUUID(),
                "sk-sb-v1-drain" + UUID.randomUUID().toString().replace("-", ""))
                // Catalog keys of its own: the catalog in Redis names this cluster's simulator, which dies with it.
                .withExtraProperties(Map.of("switchboard.catalog.redis.key-prefix", "catalog-drain-" + UUID
                        .randomUUID() + ":"));
        stack = LocalStack.start(options);
    }

    @AfterAll
    static void stopCluster() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldFinishAnOpenStreamAfterSigtermWhileRefusingNewConnections() throws Exception {
        ServiceProcess routing = stack.service("routing-service");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(streamRequest(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> chunks = new CopyOnWriteArrayList<>();
        CountDownLatch firstToken = new CountDownLatch(1);
        CompletableFuture<Boolean> stream = CompletableFuture.supplyAsync(() -> read(response.body(), chunks,
                firstToken));
        assertThat(firstToken.await(60, TimeUnit.SECONDS)).as("first token").isTrue();

        assertThat(routing.process().toHandle().destroy()).as("SIGTERM sent").isTrue();

        Awaitility.await("readiness down").atMost(Duration.ofSeconds(30)).until(() -> !ready(routing));
        String newConnection = tryNewRequest(routing);
        assertThat(newConnection).isIn("refused", "503");
        assertThat(stream).as("the open stream is still running while routing refuses new work").isNotDone();
        assertThat(routing.process().isAlive()).isTrue();

        assertThat(stream.get(60, TimeUnit.SECONDS)).as("stream ended with [DONE]").isTrue();
        long tokens = chunks.stream()
                .filter(c -> !c.path("choices").path(0).path("delta").path("content").asString("").isEmpty())
                .count();
        assertThat(tokens).isEqualTo(TOKENS);
        assertThat(chunks.getLast().path("usage").path("completion_tokens").asInt()).isEqualTo(TOKENS);
        assertThat(routing.process().waitFor(60, TimeUnit.SECONDS)).as("routing exits after draining").isTrue();
        assertThat(routing.process().exitValue()).as("exit status after SIGTERM (128 + 15), not a kill").isEqualTo(143);
        awaitGeneration(chunks.getFirst().path("id").asString());
    }

    private static HttpRequest streamRequest() {
        Map<String, Object> body = Map.of("model", MODEL, "stream", true,
                "messages", List.of(Map.of("role", "user", "content", "Tell me a long story")),
                "simulator", Map.of("tokens_per_second", 5, "reply_tokens", TOKENS));
        return HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/chat/completions"))
                .header("Authorization", "Bearer " + stack.demoKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
    }

    /** Reads server-sent events until {@code [DONE]} (true) or the end of the body (false). */
    private static boolean read(InputStream body, List<JsonNode> chunks, CountDownLatch firstToken) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                String data = line.substring("data: ".length());
                if (data.equals("[DONE]")) {
                    return true;
                }
                JsonNode chunk = JSON.readTree(data);
                chunks.add(chunk);
                if (!chunk.path("choices").path(0).path("delta").path("content").asString("").isEmpty()) {
                    firstToken.countDown();
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("The stream broke off", e);
        }
    }

    private static boolean ready(ServiceProcess service) {
        HttpRequest probe = HttpRequest.newBuilder(service.managementUrl().resolve("/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2))
                .build();
        try {
            return HttpClient.newHttpClient().send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException refused) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request on a new connection to the draining service: "refused", or the status it was answered with. */
    private static String tryNewRequest(ServiceProcess service) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(service.url().resolve("/api/v1/chat/completions"))
                .timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build();
        try (HttpClient fresh = HttpClient.newHttpClient()) {
            return String.valueOf(fresh.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (ConnectException refused) {
            return "refused";
        } catch (IOException other) {
            return "failed: " + other;
        }
    }

    /** The stream was billed: its generation record reaches billing (through the gateway). */
    private static void awaitGeneration(String id) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/generation?id=" + id))
                .header("Authorization", "Bearer " + stack.demoKey())
                .build();
        Awaitility.await("generation " + id + " recorded")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }
}
