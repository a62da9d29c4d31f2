package io.switchboard.gateway.auth;

import java.net.InetSocketAddress;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;

/**
 * The port Actuator's management server listens on, learnt when it starts. Spring Boot's management server is a
 * child context that inherits the gateway's web filters, so without this the API-key check would answer Kubernetes'
 * probes and Prometheus' scrapes with 401. Telling the servers apart by the local port of the connection (not by
 * path) keeps {@code /actuator/**} on the public port behind the key check.
 */
@Component
public class ManagementPort implements ApplicationListener<WebServerInitializedEvent> {

    private volatile int port = -1;

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        if ("management".equals(event.getApplicationContext().getServerNamespace())) {
            port = event.getWebServer().getPort();
        }
    }

    /** Whether the request reached the management server (false while it is not known, or shares the public port). */
    public boolean received(ServerHttpRequest request) {
        InetSocketAddress local = request.getLocalAddress();
        return port > 0 && local != null && local.getPort() == port;
    }
}
