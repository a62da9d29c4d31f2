package io.switchboard.routing.support;

import io.switchboard.simulator.ProviderSimulatorApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider simulator in this JVM on a free port, with its admin API for faults and traffic statistics
 * ({@code /_simulator/**}). The admin calls block the test thread, which is not a reactive pipeline under test.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final String url;
    private final HttpClient http = HttpClient.newHttpClient();

    public SimulatorServer(String internalSecret) {
        this.context = new SpringApplicationBuilder(ProviderSimulatorApplication.class)
                .properties("spring.config.name=provider-simulator-in-test", "server.port=0",
                        "spring.main.banner-mode=off", "switchboard.internal.secret=" + internalSecret,
                        // The routing classes on this class path are not the simulator's business.
                        "spring.autoconfigure.exclude=io.switchboard.catalog.client.CatalogClientAutoConfiguration")
                .run();
        this.url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
    }

    public String url() {
        return url;
    }

    /** Makes requests under {@code /<prefix>/v1} fail as {@code faultJson} ({@code FaultSpec}) says. */
    public void fault(String prefix, String faultJson) {
        send(HttpRequest.newBuilder(URI.create(url + "/_simulator/faults/" + prefix))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(faultJson)), 204);
    }

    public void clearFault(String prefix) {
        send(HttpRequest.newBuilder(URI.create(url + "/_simulator/faults/" + prefix)).DELETE(), 204);
    }

    /** What the prefix received: {@code received}, {@code in_flight}, {@code completed}, {@code cancelled}, ... */
    public JsonNode stats(String prefix) {
        return JSON.readTree(send(HttpRequest.newBuilder(URI.create(url + "/_simulator/stats/" + prefix)).GET(), 200));
    }

    private String send(HttpRequest.Builder request, int expectedStatus) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException("Simulator admin answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
