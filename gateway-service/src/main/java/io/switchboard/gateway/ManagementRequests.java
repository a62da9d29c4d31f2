package io.switchboard.gateway;

import java.net.InetSocketAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Tells requests to Actuator's management server from requests to the API. Spring Boot builds the management
 * server's handler from the application's web filters too, so without this check the API key filter would refuse
 * Kubernetes' probes and Prometheus' scrapes with 401. The management port is never exposed outside the pod (see the
 * chart's NetworkPolicies); the API's filters (request id, CORS, authentication, refusal metrics) are for the API.
 */
@Component
public class ManagementRequests implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int apiPort;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server's event (namespace "management") reaches this, the parent context, too.
        if (event.getApplicationContext().getServerNamespace() == null) {
            apiPort = event.getWebServer().getPort();
        }
    }

    /**
     * Whether the request reached the management server rather than the API server. False when both share a port
     * (Actuator then sits behind the API's filters) and before the API server is up.
     */
    public boolean isManagement(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        int api = apiPort;
        return api > 0 && local != null && local.getPort() != api;
    }
}
