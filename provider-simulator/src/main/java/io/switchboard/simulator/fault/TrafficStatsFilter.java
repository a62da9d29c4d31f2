package io.switchboard.simulator.fault;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Counts every provider request ({@code POST} outside {@code /_simulator} and {@code /actuator}) by endpoint prefix,
 * from its arrival to the end of its response: completed, abandoned by the client (the exchange is cancelled when the
 * connection closes) or failed.
 */
final class TrafficStatsFilter implements WebFilter {

    private final TrafficStats stats;

    TrafficStatsFilter(TrafficStats stats) {
        this.stats = stats;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!HttpMethod.POST.equals(exchange.getRequest().getMethod()) || path.startsWith("/_simulator")
                || path.startsWith("/actuator")) {
            return chain.filter(exchange);
        }
        String prefix = SimulatorPaths.prefixOf(path);
        return Mono.defer(() -> {
            stats.received(prefix);
            AtomicBoolean ended = new AtomicBoolean();
            return chain.filter(exchange).doFinally(signal -> {
                if (ended.compareAndSet(false, true)) {
                    stats.ended(prefix, switch (signal) {
                        case ON_COMPLETE -> TrafficStats.Outcome.COMPLETED;
                        case CANCEL -> TrafficStats.Outcome.CANCELLED;
                        default -> TrafficStats.Outcome.FAILED;
                    });
                }
            });
        });
    }

}
