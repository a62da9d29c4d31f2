package io.switchboard.billing.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.switchboard.billing.BillingIT;
import io.switchboard.billing.TestEvents;
import io.switchboard.billing.TestKafka;
import io.switchboard.testsupport.metrics.PrometheusScrape;
import io.switchboard.usage.UsageEvents;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;

/** What an operator's Prometheus sees of billing's consumer: events settled, duplicates, rejects, cost and lag. */
class BillingMetricsIT extends BillingIT {

    private static final Map<String, String> USAGE_TOPIC = Map.of("topic", UsageEvents.TOPIC);

    @LocalManagementPort
    int managementPort;

    @Test
    void shouldCountSettledDuplicateAndRejectedEventsAndTheCostCharged() {
        String tenant = TestEvents.newTenant();
        TestEvents.Generation generation = TestEvents.generation(tenant).tokens(1_000, 500);
        // Counters are per service, not per tenant: let what earlier tests on this context produced be applied first.
        awaitConsumed();
        PrometheusScrape before = scrape();

        TestKafka.publish(List.of(generation.event(), generation.event()));
        TestKafka.publishRaw(UsageEvents.TOPIC, tenant, "not a usage event".getBytes(StandardCharsets.UTF_8));
        awaitConsumed();

        PrometheusScrape after = scrape();
        assertThat(rise(before, after, "switchboard_billing_settlements_total", Map.of("result", "charged")))
                .isEqualTo(1);
        assertThat(rise(before, after, "switchboard_billing_settlements_total", Map.of("result", "duplicate")))
                .isEqualTo(1);
        assertThat(rise(before, after, "switchboard_billing_settled_cost_usd_total", Map.of()))
                .isCloseTo(generation.cost().doubleValue(), within(1e-12));
        assertThat(rise(before, after, "switchboard_billing_records_total",
                Map.of("topic", UsageEvents.TOPIC, "outcome", "applied"))).isEqualTo(2);
        assertThat(rise(before, after, "switchboard_billing_records_total",
                Map.of("topic", UsageEvents.TOPIC, "outcome", "rejected"))).isEqualTo(1);
    }

    @Test
    void shouldReportNoLagOnEveryOwnedPartitionOnceCaughtUp() {
        TestKafka.publish(TestEvents.generation(TestEvents.newTenant()).tokens(10, 10).event());
        awaitConsumed();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<PrometheusScrape.Sample> lags = scrape().matching("switchboard_billing_consumer_lag_records",
                    USAGE_TOPIC);
            assertThat(lags).isNotEmpty().allSatisfy(lag -> {
                assertThat(lag.labels()).containsKey("partition");
                assertThat(lag.value()).isZero();
            });
        });
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.of(URI.create("http://127.0.0.1:" + managementPort));
    }

    private static double rise(PrometheusScrape before, PrometheusScrape after, String name,
            Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
