package io.switchboard.usage;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A {@code switchboard.usage.v1} event in CloudEvents 1.0 structured JSON mode
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/formats/json-format.md). The event id is the
 * generation id, so a consumer deduplicates on {@code (source, id)} as CloudEvents prescribes; {@code subject} is the
 * tenant, which is also the Kafka partition key, so one tenant's events stay in order.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsageEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, String dataschema, UsageData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE = "io.switchboard.usage.v1";
    public static final String DATA_SCHEMA = "urn:switchboard:schema:usage:v1";

    public static UsageEvent of(String source, Instant time, UsageData data) {
        return new UsageEvent(SPEC_VERSION, data.generationId(), source, TYPE, data.tenantId(), time,
                "application/json", DATA_SCHEMA, data);
    }
}
