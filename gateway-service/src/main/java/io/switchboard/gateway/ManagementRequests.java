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

    private volatile int managementPort = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server's event (child context, namespace "management") reaches this, the parent, too.
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            managementPort = event.getWebServer().getPort();
        }
    }

    /**
     * Whether the request reached the management server. Fails closed: false when Actuator shares the API's port
     * (it then sits behind the API's filters), before the management server is up, or for any other port.
     */
    public boolean isManagement(ServerWebExchange exchange) {
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        int management = managementPort;
        return management > 0 && local != null && local.getPort() == management;
    }
}
