package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.localstack.LocalStack;
import io.switchboard.testsupport.contract.OpenRouterContract;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credit bound through the whole cluster: a tenant whose credit covers a handful of requests sends fifty at once.
 * The gateway reserves each admitted request's maximum cost, routing serves it, billing settles it from the usage
 * event; the tenant is never charged more than its credit, and the refused requests get 402 before any provider call.
 */
@ExtendWith(SharedCluster.class)
class CreditBoundEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int REQUESTS = 50;
    // mistralai/mistral-small-2603 at $0.15 / $0.60 per million: max_tokens 1000 alone reserves $0.0006 a request, so
    // $0.004 covers at most six requests' maximum cost.
    private static final String CREDIT = "0.004";
    private static final String CHAT = "{\"model\":\"mistralai/mistral-small-2603\",\"max_tokens\":1000,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"echo: a short answer\"}]}";

    @Test
    void shouldNeverChargeATenantMoreThanItsCreditWhenFiftyRequestsArriveAtOnce() throws Exception {
        LocalStack stack = SharedCluster.stack();
        String tenant = "bound-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = ApiCalls.call(stack, "POST", "/admin/tenants", stack.operatorKey(),
                "{\"id\":\"" + tenant + "\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String management = JSON.readTree(created.body()).at("/management_key/key").asString();
        String key = JSON.readTree(ApiCalls.call(stack, "POST", "/keys", management, "{\"name\":\"burst\"}").body())
                .get("key")
                .asString();
        String topUp = "{\"tenant_id\":\"" + tenant + "\",\"id\":\"bound\",\"amount\":\"" + CREDIT + "\"}";
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> ApiCalls.call(stack, "POST", "/admin/credits", stack.operatorKey(), topUp)
                        .statusCode() == 200);

        List<CompletableFuture<HttpResponse<String>>> burst = IntStream.range(0, REQUESTS)
                .mapToObj(i -> ApiCalls.client()
                        .sendAsync(ApiCalls.request(stack, "POST", "/chat/completions", key, CHAT),
                                HttpResponse.BodyHandlers.ofString()))
                .toList();
        List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> served = answers.stream().filter(r -> r.statusCode() == 200).toList();
        List<HttpResponse<String>> refused = answers.stream().filter(r -> r.statusCode() == 402).toList();
        assertThat(answers).as("every answer is 200 or 402")
                .filteredOn(r -> r.statusCode() != 200 && r.statusCode() != 402)
                .extracting(r -> r.statusCode() + " " + r.body())
                .isEmpty();
        assertThat(served).isNotEmpty();
        assertThat(refused).isNotEmpty();
        refused.forEach(r -> {
            OpenRouterContract.assertConforms("PaymentRequiredResponse", r.body());
            assertThat(r.headers().firstValue("X-Generation-Id")).isEmpty();
        });

        // Every admitted generation settled (no reservation left), and the charges stay within the credit.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            JsonNode ledger = JSON
                    .readTree(ApiCalls.call(stack, "GET", "/admin/credits/" + tenant, stack.operatorKey(), null)
                            .body())
                    .get("data");
            return ledger.get("reserved").decimalValue().signum() == 0;
        });
        JsonNode credits = JSON.readTree(ApiCalls.call(stack, "GET", "/credits", management, null).body()).get("data");
        BigDecimal usage = credits.get("total_usage").decimalValue();
        assertThat(credits.get("total_credits").decimalValue()).isEqualByComparingTo(CREDIT);
        assertThat(usage).isPositive().isLessThanOrEqualTo(new BigDecimal(CREDIT));
        BigDecimal servedCost = BigDecimal.ZERO;
        for (HttpResponse<String> response : served) {
            servedCost = servedCost.add(JSON.readTree(response.body()).at("/usage/cost").decimalValue());
        }
        assertThat(usage).as("billing charged exactly what the responses reported").isEqualByComparingTo(servedCost);
    }
}
