package io.switchboard.localstack;

import io.switchboard.kit.identity.IdentityProof;
import io.switchboard.kit.identity.InternalIdentity;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Gives the local stack's demo tenant credit to spend through billing-service's operator top-up API, as an operator
 * would: the top-up is recorded on {@code switchboard.credits.v1} like every credit, so replaying billing's topics
 * rebuilds it too. Idempotent by its fixed id, so a restart on the same Redis and Kafka does not add it twice. A
 * launcher step, not a service: it may wait.
 */
final class DemoCredit {

    private static final String PATH = "/api/v1/admin/credits";
    private static final String TOP_UP_ID = "local-stack-demo-credit";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private DemoCredit() {
    }

    /** Returns once the credit is applied (billing answers 202 while its consumer catches up: the same id is sent again). */
    static void grant(URI billing, String internalSecret, String tenant, BigDecimal usd, Duration timeout) {
        IdentityProof proof = new IdentityProof(internalSecret, Clock.systemUTC(), Duration.ofSeconds(60));
        String body = "{\"tenant_id\":\"" + tenant + "\",\"id\":\"" + TOP_UP_ID + "\",\"amount\":\""
                + usd.toPlainString() + "\",\"description\":\"local stack demo credit\"}";
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            HttpHeaders identity = new HttpHeaders();
            proof.sign(InternalIdentity.service("local-stack", "req-demo-credit"), HttpMethod.POST, PATH, identity);
            HttpRequest.Builder request = HttpRequest.newBuilder(billing.resolve(PATH))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            identity.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException("billing-service did not answer the demo credit top-up", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (response.statusCode() == 200) {
                return;
            }
            if (response.statusCode() != 202 && response.statusCode() != 503 || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The demo credit top-up failed: " + response.statusCode() + " "
                        + response.body());
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
