package io.switchboard.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.testsupport.infra.RedisServer;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class CreditLedgerIT {

    private static final Instant NOW = Instant.parse("2026-11-26T15:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(30);

    private static LettuceConnectionFactory connections;
    private static CreditLedger ledger;
    private static ReactiveStringRedisTemplate redis;

    private final String tenant = "t-" + UUID.randomUUID();

    @BeforeAll
    static void connect() {
        RedisServer server = TestInfrastructure.redis();
        connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration(server.host(), server.port()));
        connections.afterPropertiesSet();
        connections.start();
        redis = new ReactiveStringRedisTemplate(connections);
        ledger = new CreditLedger(redis, Duration.ofDays(35));
    }

    @AfterAll
    static void disconnect() {
        connections.destroy();
    }

    @Test
    void shouldAdmitOnlyWhatTheTenantsCreditCovers() {
        topUp(1_000);

        StepVerifier.create(ledger.reserve(reservation("r1", "k", 600, null)))
                .expectNext(new ReservationOutcome.Reserved(400, null))
                .verifyComplete();
        StepVerifier.create(ledger.reserve(reservation("r2", "k", 600, null)))
                .expectNext(new ReservationOutcome.CreditExhausted(400))
                .verifyComplete();
        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(1_000, 0, 600))
                .verifyComplete();
    }

    @Test
    void shouldAdmitExactlyAsManyConcurrentRequestsAsTheCreditCovers() {
        topUp(5 * 1_000);

        var admitted = Flux.range(0, 50)
                .flatMap(i -> ledger.reserve(reservation("r" + i, "k", 1_000, null)), 50)
                .filter(ReservationOutcome::admitted)
                .count();

        StepVerifier.create(admitted).expectNext(5L).verifyComplete();
        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::available)).expectNext(0L).verifyComplete();
    }

    @Test
    void shouldRefuseWhenTheKeysDailyLimitIsReachedButNotAnotherKeys() {
        topUp(1_000_000);
        KeyLimit daily = new KeyLimit(1_000, LimitReset.DAILY);
        StepVerifier.create(ledger.settle(settlement("r0", "k1", "gen-0", 700, NOW)))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(ledger.reserve(reservation("r1", "k1", 400, daily)))
                .expectNext(new ReservationOutcome.KeyLimitReached(300))
                .verifyComplete();
        StepVerifier.create(ledger.reserve(reservation("r2", "k1", 300, daily)))
                .expectNext(new ReservationOutcome.Reserved(1_000_000 - 700 - 300, 0L))
                .verifyComplete();
        StepVerifier.create(ledger.reserve(reservation("r3", "k2", 400, daily)))
                .assertNext(outcome -> assertThat(outcome).isInstanceOf(ReservationOutcome.Reserved.class))
                .verifyComplete();
    }

    @Test
    void shouldStartTheDailyLimitOverTheNextUtcDay() {
        topUp(1_000_000);
        KeyLimit daily = new KeyLimit(1_000, LimitReset.DAILY);
        StepVerifier.create(ledger.settle(settlement("r0", "k1", "gen-0", 1_000, NOW)))
                .expectNext(true)
                .verifyComplete();

        Reservation tomorrow = new Reservation(tenant, "k1", "r1", 1_000, daily, NOW.plus(Duration.ofDays(1)), TTL);
        StepVerifier.create(ledger.reserve(tomorrow))
                .expectNext(new ReservationOutcome.Reserved(1_000_000 - 2_000, 0L))
                .verifyComplete();
    }

    @Test
    void shouldChargeAGenerationExactlyOnceAndReleaseItsReservation() {
        topUp(10_000);
        StepVerifier.create(ledger.reserve(reservation("r1", "k", 5_000, null)))
                .expectNextCount(1)
                .verifyComplete();

        StepVerifier.create(ledger.settle(settlement("r1", "k", "gen-1", 1_234, NOW)))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(ledger.settle(settlement("r1", "k", "gen-1", 1_234, NOW)))
                .expectNext(false)
                .verifyComplete();

        StepVerifier.create(ledger.balance(tenant)).expectNext(new TenantBalance(10_000, 1_234, 0)).verifyComplete();
        StepVerifier.create(ledger.keySpend(tenant, "k", NOW))
                .expectNext(new KeySpend(1_234, 1_234, 1_234, 1_234, 0))
                .verifyComplete();
    }

    @Test
    void shouldReleaseAReservationOfARequestThatProducedNothing() {
        topUp(1_000);
        StepVerifier.create(ledger.reserve(reservation("r1", "k", 1_000, null)))
                .expectNextCount(1)
                .verifyComplete();

        StepVerifier.create(ledger.release(tenant, "r1")).expectNext(true).verifyComplete();
        StepVerifier.create(ledger.release(tenant, "r1")).expectNext(false).verifyComplete();

        StepVerifier.create(ledger.balance(tenant)).expectNext(new TenantBalance(1_000, 0, 0)).verifyComplete();
    }

    @Test
    void shouldForgetReservationsThatExpired() {
        topUp(1_000);
        StepVerifier.create(ledger.reserve(reservation("r1", "k", 1_000, null)))
                .expectNextCount(1)
                .verifyComplete();

        Reservation later = new Reservation(tenant, "k", "r2", 1_000, null, NOW.plus(TTL).plusSeconds(1), TTL);
        StepVerifier.create(ledger.reserve(later))
                .expectNext(new ReservationOutcome.Reserved(0, null))
                .verifyComplete();
    }

    @Test
    void shouldHoldNothingMoreForARetriedAdmission() {
        topUp(1_000);
        StepVerifier.create(ledger.reserve(reservation("r1", "k", 400, null))).expectNextCount(1).verifyComplete();

        StepVerifier.create(ledger.reserve(reservation("r1", "k", 400, null)))
                .expectNext(new ReservationOutcome.AlreadyReserved())
                .verifyComplete();
        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::reserved)).expectNext(400L).verifyComplete();
    }

    @Test
    void shouldChangeNothingWhenAKeyHasTheWrongTypeAndChargeOnceItIsRepaired() {
        topUp(10_000);
        String keySpend = LedgerKeys.keySpend(tenant, "k");
        StepVerifier.create(redis.opsForValue().set(keySpend, "not a hash")).expectNext(true).verifyComplete();

        StepVerifier.create(ledger.settle(settlement("r1", "k", "gen-1", 1_000, NOW)))
                .expectErrorMatches(failure -> causes(failure).contains("WRONGTYPE ledger key"))
                .verify();
        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::usage)).expectNext(0L).verifyComplete();

        StepVerifier.create(redis.delete(keySpend)).expectNext(1L).verifyComplete();
        StepVerifier.create(ledger.settle(settlement("r1", "k", "gen-1", 1_000, NOW)))
                .expectNext(true)
                .verifyComplete();
        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::usage)).expectNext(1_000L).verifyComplete();
    }

    @Test
    void shouldApplyATopUpOncePerId() {
        StepVerifier.create(ledger.topUp(tenant, 500, "invoice-1")).expectNext(true).verifyComplete();
        StepVerifier.create(ledger.topUp(tenant, 500, "invoice-1")).expectNext(false).verifyComplete();
        StepVerifier.create(ledger.topUp(tenant, 250, "invoice-2")).expectNext(true).verifyComplete();

        StepVerifier.create(ledger.balance(tenant).map(TenantBalance::credits)).expectNext(750L).verifyComplete();
    }

    @Test
    void shouldTellTheAmountAppliedUnderATopUpId() {
        StepVerifier.create(ledger.topUp(tenant, 500, "invoice-1")).expectNext(true).verifyComplete();
        StepVerifier.create(ledger.topUp(tenant, 900, "invoice-1")).expectNext(false).verifyComplete();

        StepVerifier.create(ledger.topUpAmount(tenant, "invoice-1")).expectNext(500L).verifyComplete();
        StepVerifier.create(ledger.topUpAmount(tenant, "invoice-2")).verifyComplete();
    }

    @Test
    void shouldKeepLargeBalancesExact() {
        long large = 9_000_000_000_000_000L; // nine million dollars
        StepVerifier.create(ledger.topUp(tenant, large, "big")).expectNext(true).verifyComplete();
        StepVerifier.create(ledger.settle(settlement("r1", "k", "gen-big", 123_456_789_012_345L, NOW)))
                .expectNext(true)
                .verifyComplete();

        StepVerifier.create(ledger.balance(tenant))
                .expectNext(new TenantBalance(large, 123_456_789_012_345L, 0))
                .verifyComplete();
    }

    private static String causes(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    private void topUp(long amount) {
        StepVerifier.create(ledger.topUp(tenant, amount, "seed")).expectNext(true).verifyComplete();
    }

    private Reservation reservation(String requestId, String key, long amount, KeyLimit limit) {
        return new Reservation(tenant, key, requestId, amount, limit, NOW, TTL);
    }

    private Settlement settlement(String requestId, String key, String generationId, long cost, Instant at) {
        return new Settlement(tenant, key, requestId, generationId, cost, at);
    }
}
