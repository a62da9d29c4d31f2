package io.switchboard.gateway;

import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.core.Ordered;

/**
 * Every order of the gateway's own filters, in one place. Web filters run for every request (proxied or served by
 * the gateway itself); gateway filters (global and route filters, sorted together by SCG) only for proxied routes,
 * all before SCG's own routing filters.
 */
public final class FilterOrders {

    // Web filters.

    /** Counting the gateway's refusals outside every filter that may refuse. */
    public static final int REJECTION_METRICS = Ordered.HIGHEST_PRECEDENCE + 50;

    /** A request id before anything else, so every response (errors included) carries one. */
    public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE + 100;

    /** CORS before authentication: a browser's preflight carries no key. */
    public static final int CORS = Ordered.HIGHEST_PRECEDENCE + 500;

    /** Authentication before any other work is spent on the request. */
    public static final int AUTHENTICATION = Ordered.HIGHEST_PRECEDENCE + 2000;

    // Gateway filters, in the order a proxied request meets them.

    /** Wrong method: 405 before anything else. */
    public static final int ALLOWED_METHODS = Ordered.HIGHEST_PRECEDENCE + 3000;

    /** Wrong kind of key: 403 before the body is read. */
    public static final int ALLOWED_ROLES = Ordered.HIGHEST_PRECEDENCE + 3100;

    /** Body size, content type and JSON checks (413, 415, 400), and the parsed body for the filters after. */
    public static final int REQUEST_BODY = Ordered.HIGHEST_PRECEDENCE + 3200;

    /** A chat request's cost and token estimate (400, 403), which the rate limits and the credit gate use. */
    public static final int CHAT_ESTIMATE = Ordered.HIGHEST_PRECEDENCE + 3300;

    /** Rate limits (429), with the chat request's token estimate. */
    public static final int RATE_LIMIT = Ordered.HIGHEST_PRECEDENCE + 3400;

    /** The credit reservation (402) last, so a refused request holds no credit. */
    public static final int CREDIT_GATE = Ordered.HIGHEST_PRECEDENCE + 3500;

    /** Upstream failures mapped to clear errors, wrapping the forwarding. */
    public static final int UPSTREAM_FAILURES = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 50;

    /** Identity signing after the target URL is final, because the proof covers the forwarded path. */
    public static final int IDENTITY_FORWARDING = RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER + 100;

    private FilterOrders() {
    }
}
