package io.switchboard.gateway;

import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;

/** Every order of the gateway's own filters, in one place, relative to Spring Cloud Gateway's. */
public final class FilterOrders {

    /** A request id before anything else, so every response (errors included) carries one. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 100;

    /** Authentication before any route filter spends work on the request. */
    public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 2000;

    /** Identity signing after the target URL is final, because the proof covers the forwarded path. */
    public static final int IDENTITY_FORWARDING = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 100;

    private FilterOrders() {
    }
}
