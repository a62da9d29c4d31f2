package io.switchboard.billing.activity;

import io.switchboard.billing.access.Access;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.InternalIdentity;
import io.switchboard.kit.identity.Role;
import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/activity}: the caller's tenant's activity grouped by day, model and endpoint for the last 30
 * completed UTC days (today is not included: OpenRouter's contract), management key required. {@code date} narrows it
 * to one of those days, {@code api_key_hash} to one key. Switchboard has no organisation members or workspaces, so
 * {@code user_id}, {@code workspace_id} and {@code group_by} are refused rather than silently ignored. Rows are ordered
 * by date, most recent first, then model, provider and endpoint.
 */
@Component
class ActivityHandler {

    static final int DAYS = 30;

    private static final Comparator<ActivityItem> ORDER = Comparator.comparing(ActivityItem::date)
            .reversed()
            .thenComparing(ActivityItem::model)
            .thenComparing(ActivityItem::providerName)
            .thenComparing(ActivityItem::endpointId);

    private final ActivityStore store;
    private final Clock clock;

    ActivityHandler(ActivityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Mono<ServerResponse> get(ServerRequest request) {
        InternalIdentity caller = Access.requireAtLeast(request, Role.MANAGER);
        for (String unsupported : List.of("user_id", "workspace_id", "group_by")) {
            if (request.queryParam(unsupported).isPresent()) {
                throw ApiException.badRequest(unsupported + ": Switchboard has no organisation members or workspaces");
            }
        }
        List<LocalDate> window = window(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        List<LocalDate> days = request.queryParam("date").map(date -> List.of(day(date, window))).orElse(window);
        @Nullable
        String keyHash = request.queryParam("api_key_hash").filter(value -> !value.isBlank()).orElse(null);
        if (keyHash != null && keyHash.length() > 200) {
            throw ApiException.badRequest("api_key_hash: not a key hash");
        }
        return store.days(caller.tenantId(), days, keyHash)
                .concatMapIterable(day -> items(day.getKey(), day.getValue()))
                .sort(ORDER)
                .collectList()
                .flatMap(items -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("data", items)));
    }

    /** The last {@link #DAYS} completed UTC days before {@code today}, most recent first. */
    static List<LocalDate> window(LocalDate today) {
        List<LocalDate> days = new ArrayList<>(DAYS);
        for (int back = 1; back <= DAYS; back++) {
            days.add(today.minusDays(back));
        }
        return days;
    }

    private static LocalDate day(String value, List<LocalDate> window) {
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date: expected YYYY-MM-DD");
        }
        if (!window.contains(day)) {
            throw ApiException.badRequest("date: must be one of the last " + DAYS + " completed UTC days ("
                    + window.getLast() + " to " + window.getFirst() + ")");
        }
        return day;
    }

    private static List<ActivityItem> items(LocalDate day, Map<ActivityRow, ActivityTotals> rows) {
        List<ActivityItem> items = new ArrayList<>(rows.size());
        rows.forEach((row, totals) -> items.add(new ActivityItem(day.toString(), row.model(), row.model(),
                row.endpointId(), row.providerName(), Nanodollars.toUsd(totals.usage()), BigDecimal.ZERO,
                totals.requests(), totals.promptTokens(), totals.completionTokens(), totals.reasoningTokens())));
        return items;
    }
}
