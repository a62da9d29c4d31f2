package io.switchboard.billing.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How billing-service reads {@code switchboard.usage.v1} ({@code switchboard.billing.consumer.*}); broker address and
 * security come from Spring Boot's {@code spring.kafka.*}.
 *
 * @param groupId consumer group; every billing replica shares it, so each event is applied by one replica
 * @param pollTimeout longest wait for new events in one poll
 * @param retryBackoff pause before re-reading a batch whose effects could not be stored
 */
@ConfigurationProperties("switchboard.billing.consumer")
public record ConsumerProperties(@DefaultValue("billing-service") String groupId,
        @DefaultValue("500ms") Duration pollTimeout, @DefaultValue("1s") Duration retryBackoff) {
}
