package io.switchboard.routing.usage;

/**
 * A usage event as it goes to Kafka.
 *
 * @param id the event id (generation id), for logs
 * @param key the record key (the tenant, so one tenant's events stay in order)
 * @param value the CloudEvent JSON
 */
record UsageRecord(String id, String key, byte[] value) {
}
