package io.switchboard.billing.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How billing-service reads its topics ({@code switchboard.billing.consumer.*}); broker address and security come from
 * Spring Boot's {@code spring.kafka.*}.
 *
 * @param groupId consumer group; every billing replica shares it, so each event is applied by one replica (replaying
 *        from the start means a new group id, or resetting this group's offsets, against an empty Redis)
 * @param pollTimeout longest wait for new events in one poll
 * @param retryBackoff pause before re-reading a batch whose effects could not be stored (Redis down), or before
 *        polling again after a failed poll
 * @param maxPollRecords most records applied (and then committed) together; a crash re-applies at most this many
 * @param batchTimeout longest a batch's effects may take to be stored; past it the batch is read again (its effects
 *        are idempotent), so one Redis reply that never comes cannot stall billing for ever. Well below Kafka's
 *        {@code max.poll.interval.ms} (5 minutes)
 */
@ConfigurationProperties("switchboard.billing.consumer")
public record ConsumerProperties(@DefaultValue("billing-service") String groupId,
        @DefaultValue("500ms") Duration pollTimeout, @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("500") int maxPollRecords, @DefaultValue("60s") Duration batchTimeout) {

    public ConsumerProperties {
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("switchboard.billing.consumer.max-poll-records must be at least 1");
        }
        if (batchTimeout.toMillis() < 1000) {
            throw new IllegalArgumentException("switchboard.billing.consumer.batch-timeout must be at least 1s");
        }
    }
}
