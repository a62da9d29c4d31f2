package io.switchboard.catalog.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Long-polling of {@code GET /internal/v1/catalog} ({@code switchboard.catalog.long-poll.*}).
 *
 * @param maxWait the longest a request may wait for a change (a caller asking more gets this); each waiting request
 *        holds a connection, not a thread
 */
@ConfigurationProperties("switchboard.catalog.long-poll")
public record LongPollProperties(@DefaultValue("30s") Duration maxWait) {

    public LongPollProperties {
        if (maxWait.toSeconds() < 1) {
            throw new IllegalArgumentException("switchboard.catalog.long-poll.max-wait must be at least 1s");
        }
    }
}
