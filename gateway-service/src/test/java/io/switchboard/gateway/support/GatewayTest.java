package io.switchboard.gateway.support;

import io.switchboard.catalog.client.CatalogHolder;
import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.auth.ApiKeyStore;
import io.switchboard.gateway.auth.ApiKeys;
import io.switchboard.gateway.tenant.Tenant;
import io.switchboard.gateway.tenant.TenantStore;
import io.switchboard.kit.identity.Role;
import io.switchboard.kit.ids.RandomIds;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/**
 * The gateway on a random port, on the shared test Redis, in front of one {@link UpstreamStub} standing in for
 * routing, catalog and billing. Every test class extending it (without properties of its own) shares one context.
 * The clock stands still ({@link MutableClock}); tests create their own tenants and keys, so they never share state.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@Import(GatewayTest.TestClock.class)
// Usage events are read only where a test needs them (TokenCorrectionIT, with a Kafka broker).
@TestPropertySource(properties = "switchboard.gateway.token-correction.enabled=false")
public abstract class GatewayTest {

    public static final String SECRET = "gateway-test-secret-0123456789abcdefghij";
    public static final Instant START = Instant.parse("2026-11-26T12:00:00Z");
    public static final UpstreamStub UPSTREAM = new UpstreamStub();
    public static final String OPERATOR_KEY = "sk-sb-v1-operator0000000000000000000000000000000000";
    public static final String BOOTSTRAP_KEY = "sk-sb-v1-bootstrap000000000000000000000000000000000";
    public static final String BOOTSTRAP_TENANT = "boot-tenant";
    protected static final RandomIds IDS = new RandomIds();

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected ApiKeyStore keys;

    @Autowired
    protected TenantStore tenants;

    @Autowired
    protected CreditLedger ledger;

    @Autowired
    protected CatalogHolder catalog;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void gatewayProperties(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", () -> TestInfrastructure.redis().url());
        registry.add("switchboard.internal.secret", () -> SECRET);
        registry.add("SWITCHBOARD_ROUTING_URL", UPSTREAM::url);
        registry.add("SWITCHBOARD_CATALOG_URL", UPSTREAM::url);
        registry.add("SWITCHBOARD_BILLING_URL", UPSTREAM::url);
        registry.add("SWITCHBOARD_OPERATOR_KEY", () -> OPERATOR_KEY);
        registry.add("SWITCHBOARD_BOOTSTRAP_KEY", () -> BOOTSTRAP_KEY);
        registry.add("SWITCHBOARD_BOOTSTRAP_TENANT", () -> BOOTSTRAP_TENANT);
    }

    @BeforeEach
    void installCatalog() {
        catalog.replace(TestCatalog.SNAPSHOT);
    }

    /** A new tenant id, unique to the calling test. */
    protected static String newTenantId() {
        return IDS.next("t-", 12).toLowerCase();
    }

    /** A chat request body for {@code model} asking for at most {@code maxTokens} completion tokens. */
    protected static String chat(String model, int maxTokens) {
        return "{\"model\":\"" + model + "\",\"max_tokens\":" + maxTokens
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"Hello\"}]}";
    }

    /** A new key of a new tenant. */
    protected String newKey(Role role) {
        return newKey(newTenantId(), role, record -> record);
    }

    /** A new key of {@code tenant} (created if missing), its record shaped by {@code settings}. */
    protected String newKey(String tenant, Role role, UnaryOperator<ApiKeyRecord> settings) {
        String key = ApiKeys.generate(IDS);
        ApiKeyRecord record = settings.apply(ApiKeyRecord.of(ApiKeys.hash(key), tenant, role, "test key",
                ApiKeys.label(key), clock.instant()));
        StepVerifier.create(tenants.create(new Tenant(tenant, tenant, clock.instant())).then(keys.create(record)))
                .expectNext(true)
                .verifyComplete();
        return key;
    }

    /** Gives {@code tenant} credit, in nanodollars. */
    protected void topUp(String tenant, long nanodollars) {
        StepVerifier.create(ledger.topUp(tenant, nanodollars, IDS.next("topup-", 12)))
                .expectNext(true)
                .verifyComplete();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(START);
        }
    }
}
