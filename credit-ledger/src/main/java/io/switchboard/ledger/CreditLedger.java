package io.switchboard.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import reactor.core.publisher.Mono;

/**
 * The credit ledger (docs/contracts.md): every change is one atomic Lua script on the tenant's keys, so concurrent
 * requests cannot overspend and a redelivered usage event cannot charge twice. The gateway reserves and releases;
 * billing settles and tops up. All amounts are nanodollars.
 */
public final class CreditLedger {

    // Script texts are read once, here: Spring would otherwise read the resource again for the EVAL fallback after
    // a NOSCRIPT reply (a Redis restart), which is file I/O on an event-loop thread.
    private static final RedisScript<List> RESERVE = RedisScript.of(source("reserve"), List.class);
    private static final RedisScript<Long> RELEASE = RedisScript.of(source("release"), Long.class);
    private static final RedisScript<Long> SETTLE = RedisScript.of(source("settle"), Long.class);
    private static final RedisScript<Long> TOP_UP = RedisScript.of(source("topup"), Long.class);

    private final ReactiveStringRedisTemplate redis;
    private final Duration settledMarkerTtl;

    /**
     * @param settledMarkerTtl how long a generation is remembered as charged: longer than the usage topic's retention
     *        and any redelivery, so a redelivered event never charges again
     */
    public CreditLedger(ReactiveStringRedisTemplate redis, Duration settledMarkerTtl) {
        this.redis = redis;
        this.settledMarkerTtl = settledMarkerTtl;
    }

    public Mono<ReservationOutcome> reserve(Reservation reservation) {
        KeyLimit limit = reservation.keyLimit();
        LimitReset reset = limit == null ? LimitReset.NEVER : limit.reset();
        List<String> keys = new ArrayList<>(LedgerKeys.reservationKeys(reservation.tenant()));
        keys.add(LedgerKeys.keySpend(reservation.tenant(), reservation.keyHash()));
        List<String> args = List.of(reservation.requestId(), reservation.keyHash(),
                Long.toString(reservation.amount()), Long.toString(reservation.at().toEpochMilli()),
                Long.toString(reservation.at().plus(reservation.ttl()).toEpochMilli()),
                Long.toString(limit == null ? -1 : limit.limit()), reset.periodField(reservation.at()));
        return redis.execute(RESERVE, keys, args).next().map(CreditLedger::outcome);
    }

    /** Releases a request's reservation; true if one was open. */
    public Mono<Boolean> release(String tenant, String requestId) {
        return redis.execute(RELEASE, LedgerKeys.reservationKeys(tenant), List.of(requestId))
                .next()
                .map(released -> released == 1L);
    }

    /** Charges a generation; true if charged now, false if it had been charged before. */
    public Mono<Boolean> settle(Settlement settlement) {
        List<String> keys = new ArrayList<>(LedgerKeys.reservationKeys(settlement.tenant()));
        keys.add(LedgerKeys.keySpend(settlement.tenant(), settlement.keyHash()));
        keys.add(LedgerKeys.settled(settlement.tenant(), settlement.generationId()));
        Instant at = settlement.at();
        List<String> args = List.of(settlement.requestId(), Long.toString(settlement.cost()),
                LimitReset.DAILY.periodField(at), LimitReset.WEEKLY.periodField(at),
                LimitReset.MONTHLY.periodField(at), Long.toString(Math.max(1, settledMarkerTtl.toSeconds())));
        return redis.execute(SETTLE, keys, args).next().map(charged -> charged == 1L);
    }

    /** Adds credit once per {@code id}; true if added now, false if that id was applied before. */
    public Mono<Boolean> topUp(String tenant, long amount, String id) {
        if (amount <= 0) {
            return Mono.error(new IllegalArgumentException("a top-up must be positive"));
        }
        return redis.execute(TOP_UP, List.of(LedgerKeys.balance(tenant), LedgerKeys.topUp(tenant, id)),
                List.of(Long.toString(amount))).next().map(added -> added == 1L);
    }

    /**
     * The amount (nanodollars) applied under top-up {@code id}, or empty if that id was never applied: lets the caller
     * of an idempotent top-up tell "already applied" from "applied with a different amount".
     */
    public Mono<Long> topUpAmount(String tenant, String id) {
        return redis.opsForValue().get(LedgerKeys.topUp(tenant, id)).map(Long::parseLong);
    }

    public Mono<TenantBalance> balance(String tenant) {
        return redis.<String, String>opsForHash()
                .multiGet(LedgerKeys.balance(tenant), List.of("credits", "usage", "reserved"))
                .map(values -> new TenantBalance(number(values.get(0)), number(values.get(1)),
                        number(values.get(2))));
    }

    public Mono<KeySpend> keySpend(String tenant, String keyHash, Instant at) {
        Mono<List<String>> spend = redis.<String, String>opsForHash()
                .multiGet(LedgerKeys.keySpend(tenant, keyHash), List.of("total",
                        LimitReset.DAILY.periodField(at), LimitReset.WEEKLY.periodField(at),
                        LimitReset.MONTHLY.periodField(at)));
        Mono<String> reserved = redis.<String, String>opsForHash()
                .get(LedgerKeys.keysReserved(tenant), keyHash)
                .defaultIfEmpty("0");
        return Mono.zip(spend, reserved)
                .map(both -> new KeySpend(number(both.getT1().get(0)),
                        number(both.getT1().get(1)), number(both.getT1().get(2)), number(both.getT1().get(3)),
                        number(both.getT2())));
    }

    private static ReservationOutcome outcome(List<?> reply) {
        long status = (Long) reply.get(0);
        long available = (Long) reply.get(1);
        long remaining = (Long) reply.get(2);
        return switch ((int) status) {
            case 1 -> new ReservationOutcome.Reserved(available, remaining < 0 ? null : remaining);
            case 2 -> new ReservationOutcome.AlreadyReserved();
            case 0 -> new ReservationOutcome.CreditExhausted(available);
            case -1 -> new ReservationOutcome.KeyLimitReached(remaining);
            default -> throw new IllegalStateException("reserve.lua answered " + reply);
        };
    }

    private static long number(@Nullable String value) {
        return value == null ? 0 : Long.parseLong(value);
    }

    /** A script's text: the shared prelude (helper functions), then the script itself. */
    private static String source(String name) {
        return read("prelude") + "\n" + read(name);
    }

    private static String read(String name) {
        try {
            return new ClassPathResource("ledger/" + name + ".lua").getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("ledger/" + name + ".lua is missing", e);
        }
    }
}
