package io.switchboard.simulator.fault;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;

/**
 * The simulator's admin API, for tests (not a provider API):
 * <ul>
 * <li>{@code PUT /_simulator/faults/{prefix}} with a {@link FaultSpec}: the prefix's requests get that fault;
 * {@code DELETE} the same path clears it, {@code DELETE /_simulator/faults} clears all, {@code GET
 * /_simulator/faults} lists them;
 * <li>{@code GET /_simulator/stats/{prefix}}: the prefix's {@link TrafficStats.Snapshot};
 * {@code DELETE /_simulator/stats} resets every count.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class FaultConfiguration {

    @Bean
    FaultRegistry faultRegistry() {
        return new FaultRegistry();
    }

    @Bean
    TrafficStats trafficStats() {
        return new TrafficStats();
    }

    @Bean
    WebFilter trafficStatsFilter(TrafficStats stats) {
        return new TrafficStatsFilter(stats);
    }

    @Bean
    RouterFunction<ServerResponse> simulatorAdminRoutes(FaultRegistry faults, TrafficStats stats) {
        return RouterFunctions.route()
                .GET("/_simulator/faults", request -> ServerResponse.ok().bodyValue(faults.all()))
                .DELETE("/_simulator/faults", request -> {
                    faults.clearAll();
                    return ServerResponse.noContent().build();
                })
                .PUT("/_simulator/faults/{*prefix}", request -> request.bodyToMono(FaultSpec.class)
                        .flatMap(spec -> {
                            faults.set(prefix(request), spec);
                            return ServerResponse.noContent().build();
                        })
                        .onErrorResume(IllegalArgumentException.class, invalid -> ServerResponse
                                .status(HttpStatus.BAD_REQUEST)
                                .bodyValue(Map.of("error", invalid.getMessage()))))
                .DELETE("/_simulator/faults/{*prefix}", request -> {
                    faults.clear(prefix(request));
                    return ServerResponse.noContent().build();
                })
                .GET("/_simulator/stats/{*prefix}", request -> ServerResponse.ok()
                        .bodyValue(stats.snapshot(prefix(request))))
                .DELETE("/_simulator/stats", request -> {
                    stats.reset();
                    return ServerResponse.noContent().build();
                })
                .build();
    }

    private static String prefix(ServerRequest request) {
        return SimulatorPaths.normalise(request.pathVariable("prefix"));
    }

}
