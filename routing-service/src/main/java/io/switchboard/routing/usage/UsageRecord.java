package io.switchboard.routing.usage;

import java.util.Map;

/**
 * A usage event as it goes to Kafka.
 *
 * @param id the event id (generation id), for logs
 * @param key the record key (the tenant, so one tenant's events stay in order)
 * @param value the CloudEvent JSON
 * @param headers Kafka record headers beyond the content type: the W3C trace context of the request, if any
 */
record UsageRecord(String id, String key, byte[] value, Map<String, String> headers) {

    UsageRecord(String id, String key, byte[] value) {
        this(id, key, value, Map.of());
    }
}
