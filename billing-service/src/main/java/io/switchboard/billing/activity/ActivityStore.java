package io.switchboard.billing.activity;

import io.switchboard.billing.ingest.BillableEvent;
import io.switchboard.billing.ingest.UsageEventHandler;
import io.switchboard.usage.UsageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A tenant's activity per UTC day in Redis, counted from usage events exactly once per generation.
 *
 * <p>{@code billing:{tenant}:activity:<yyyy-mm-dd>} is a hash of counters, field {@code <metric>:<row>} with the metrics
 * {@code requests}, {@code prompt_tokens}, {@code completion_tokens}, {@code reasoning_tokens} and {@code usage}
 * (nanodollars charged) and the row an {@link ActivityRow}. {@code ...:counted} is the set of generation ids already
 * counted that day: the script adds the id and the counts atomically, so a redelivered event counts nothing. Both keys
 * expire together at the end of the day plus the retention, however late they were written, so a replay rebuilds the
 * same keys with the same lifetime. The day is that of the generation's {@code created_at}.
 */
@Component
@Order(300)
public class ActivityStore implements UsageEventHandler {

    private final ReactiveStringRedisTemplate redis;
    private final RedisScript<Long> count;
    private final Duration retention;
    private final Clock clock;

    public ActivityStore(ReactiveStringRedisTemplate redis, ActivityProperties properties, Clock clock) {
        this.redis = redis;
        // Read here, once: Spring would otherwise re-read the resource for the EVAL fallback after a NOSCRIPT reply,
        // which is file I/O on an event loop.
        this.count = RedisScript.of(source("billing/activity.lua"), Long.class);
        this.retention = properties.retention();
        this.clock = clock;
    }

    @Override
    public Mono<Void> apply(BillableEvent event) {
        UsageData data = event.data();
        LocalDate day = utcDay(data.createdAt());
        Instant expiry = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(retention);
        if (!expiry.isAfter(clock.instant())) {
            return Mono.empty();
        }
        ActivityRow row = new ActivityRow(data.keyId(), data.servedModel(), data.endpointId(), data.providerName());
        List<String> args = List.of(data.generationId(), Long.toString(expiry.toEpochMilli()), row.encode(),
                Long.toString(data.usage().promptTokens()), Long.toString(data.usage().completionTokens()),
                Long.toString(data.usage().reasoningTokens()), Long.toString(event.charge().nanodollars()));
        return redis.execute(count, List.of(dayKey(data.tenantId(), day), countedKey(data.tenantId(), day)), args)
                .then();
    }

    /**
     * The tenant's activity of {@code day}, one entry per row; rows are per key, or summed over keys into
     * {@link ActivityRow#withoutKey()} rows unless {@code keyId} picks one key.
     */
    Mono<Map<ActivityRow, ActivityTotals>> day(String tenant, LocalDate day, @Nullable String keyId) {
        return redis.<String, String>opsForHash()
                .entries(dayKey(tenant, day))
                .collectList()
                .map(fields -> {
                    Map<ActivityRow, ActivityTotals> rows = new LinkedHashMap<>();
                    for (Map.Entry<String, String> field : fields) {
                        int separator = field.getKey().indexOf(':');
                        String metric = field.getKey().substring(0, separator);
                        ActivityRow row = ActivityRow.decode(field.getKey().substring(separator + 1));
                        if (keyId != null && !keyId.equals(row.keyId())) {
                            continue;
                        }
                        ActivityRow grouped = keyId == null ? row.withoutKey() : row;
                        rows.merge(grouped, ActivityTotals.of(metric, Long.parseLong(field.getValue())),
                                ActivityTotals::plus);
                    }
                    return rows;
                });
    }

    /** The days' activity in order, {@link #day} for each. */
    Flux<Map.Entry<LocalDate, Map<ActivityRow, ActivityTotals>>> days(String tenant, List<LocalDate> days,
            @Nullable String keyId) {
        return Flux.fromIterable(days).concatMap(day -> day(tenant, day, keyId).map(rows -> Map.entry(day, rows)));
    }

    static LocalDate utcDay(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    static String dayKey(String tenant, LocalDate day) {
        return "billing:{" + tenant + "}:activity:" + day;
    }

    static String countedKey(String tenant, LocalDate day) {
        return dayKey(tenant, day) + ":counted";
    }

    private static String source(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is missing", e);
        }
    }
}
