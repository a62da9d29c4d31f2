package io.switchboard.routing.usage;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How usage events reach Kafka without ever being lost ({@code switchboard.routing.usage.*}); see
 * {@link DurableUsagePublisher}.
 *
 * @param spoolDir directory of the local event journal; must survive a restart of the process (a persistent volume
 *        in Kubernetes) and belong to one replica only (a lock file enforces it)
 * @param maxInFlight events handed to the Kafka producer and not yet acknowledged; the bound on the memory events
 *        take while Kafka is slow or down; the rest wait in the journal
 * @param segmentSize size at which the journal starts a new file; delivered files are deleted whole
 * @param deliveryTimeout how long the producer keeps retrying one send before the event is sent again from the
 *        journal ({@code delivery.timeout.ms})
 * @param maxBlock how long a send may wait for the cluster's metadata ({@code max.block.ms}); only the spool's own
 *        thread ever waits
 * @param retryBackoff first pause after Kafka failed a send, doubled on each further failure
 * @param maxRetryBackoff longest such pause
 * @param shutdownTimeout how long shutdown waits for Kafka to acknowledge what is in flight; the rest is sent again
 *        from the journal after the restart
 */
@ConfigurationProperties("switchboard.routing.usage")
public record UsageProperties(@DefaultValue("var/usage-spool") Path spoolDir, @DefaultValue("1000") int maxInFlight,
        @DefaultValue("16MB") DataSize segmentSize, @DefaultValue("120s") Duration deliveryTimeout,
        @DefaultValue("5s") Duration maxBlock, @DefaultValue("500ms") Duration retryBackoff,
        @DefaultValue("30s") Duration maxRetryBackoff, @DefaultValue("10s") Duration shutdownTimeout) {

    public UsageProperties {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("switchboard.routing.usage.max-in-flight must be at least 1");
        }
        if (segmentSize.toBytes() < 1024) {
            throw new IllegalArgumentException("switchboard.routing.usage.segment-size must be at least 1KB");
        }
        for (Duration duration : new Duration[]{deliveryTimeout, maxBlock, retryBackoff, maxRetryBackoff,
                shutdownTimeout}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("switchboard.routing.usage durations must be positive, was "
                        + duration);
            }
        }
    }
}
