package io.switchboard.gateway.keys;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.gateway.ratelimit.KeyRateLimiter;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.CreditLedger;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.KeySpend;
import io.switchboard.ledger.LimitReset;
import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Builds the keys API's views of a key, with its usage from the credit ledger (what billing has settled in the
 * current UTC day, ISO week and month, and in total). The remaining limit also subtracts what the key's requests in
 * flight hold, since that is what the credit gate admits against.
 */
@Component
public class KeyViews {

    private static final String RATE_LIMIT_NOTE = "This field is deprecated and safe to ignore.";

    private final CreditLedger ledger;
    private final KeyRateLimiter limiter;
    private final Clock clock;

    public KeyViews(CreditLedger ledger, KeyRateLimiter limiter, Clock clock) {
        this.ledger = ledger;
        this.limiter = limiter;
        this.clock = clock;
    }

    public Mono<KeyView> of(ApiKeyRecord key) {
        return spend(key).map(spend -> view(key, spend));
    }

    /** A key just created: nothing spent yet, so no ledger read. */
    public KeyView ofNew(ApiKeyRecord key) {
        return view(key, new KeySpend(0, 0, 0, 0, 0));
    }

    public Mono<CurrentKeyView> current(ApiKeyRecord key) {
        return spend(key).map(spend -> {
            KeyView view = view(key, spend);
            long rpm = limiter.requestsPerMinute(key);
            return new CurrentKeyView(key.label(), view.limit(), view.limitRemaining(), view.limitReset(),
                    key.includeByokInLimit(), view.usage(), view.usageDaily(), view.usageWeekly(),
                    view.usageMonthly(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, false,
                    key.role() != Role.USER, key.role() != Role.USER, key.creatorUserId(), key.expiresAt(),
                    new CurrentKeyView.RateLimit(rpm == 0 ? -1 : rpm, "1m", RATE_LIMIT_NOTE),
                    CurrentKeyView.ALL_REGIONS, CurrentKeyView.FreeModelDailyRequests.NONE, null, key.tenantId(),
                    view.rateLimits(), key.allowedModels());
        });
    }

    private Mono<KeySpend> spend(ApiKeyRecord key) {
        return ledger.keySpend(key.tenantId(), key.hash(), clock.instant());
    }

    private KeyView view(ApiKeyRecord key, KeySpend spend) {
        KeyLimit limit = key.limit();
        BigDecimal remaining = limit == null
                ? null
                : usd(Math.max(0, limit.limit() - spend.inPeriod(limit.reset()) - spend.reserved()));
        long rpm = limiter.requestsPerMinute(key);
        long tpm = limiter.tokensPerMinute(key);
        return new KeyView(key.hash(), key.name(), key.label(), key.disabled(),
                limit == null ? null : usd(limit.limit()), remaining, reset(limit), key.includeByokInLimit(),
                usd(spend.total()), usd(spend.day()), usd(spend.week()), usd(spend.month()), BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, key.createdAt(), key.updatedAt(),
                key.expiresAt(), key.creatorUserId(), key.tenantId(), null,
                new KeyView.RateLimitsView(rpm == 0 ? null : rpm, tpm == 0 ? null : tpm), key.allowedModels());
    }

    private static @Nullable String reset(@Nullable KeyLimit limit) {
        return limit == null || limit.reset() == LimitReset.NEVER
                ? null
                : limit.reset()
                        .name()
                        .toLowerCase(
                                Locale.ROOT);
    }

    private static BigDecimal usd(long nanodollars) {
        return Nanodollars.toUsd(nanodollars);
    }
}
