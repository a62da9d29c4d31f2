package io.switchboard.billing;

import io.switchboard.testsupport.infra.TestInfrastructure;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts a billing-service application context of its own, as a second replica or a fresh deployment would be. */
public final class BillingProcessContext {

    private BillingProcessContext() {
    }

    /**
     * @param redisUrl the Redis (database) it uses
     * @param groupId its consumer group
     */
    public static ConfigurableApplicationContext start(String redisUrl, String groupId, Map<String, String> more) {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.data.redis.url", redisUrl);
        properties.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
        properties.put("switchboard.internal.secret", BillingIT.SECRET);
        properties.put("switchboard.billing.consumer.group-id", groupId);
        properties.put("switchboard.billing.consumer.retry-backoff", "200ms");
        properties.put("server.port", "0");
        properties.put("management.server.port", "0");
        properties.putAll(more);
        // As command-line arguments: they outrank application.yaml, as they would in a deployment.
        String[] args = properties.entrySet()
                .stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(BillingServiceApplication.class).run(args);
    }
}
