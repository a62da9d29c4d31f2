package io.switchboard.usage;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Topic, Kafka headers and the JSON codec of {@link UsageEvent}. */
public final class UsageEvents {

    /** The topic; the version in its name changes only with an incompatible schema. */
    public static final String TOPIC = "switchboard.usage.v1";

    /** Kafka record header carrying the CloudEvents content type (Kafka protocol binding, structured mode). */
    public static final String CONTENT_TYPE_HEADER = "content-type";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";

    // Jackson 3 writes java.time values as ISO-8601 strings by default, as CloudEvents requires for "time".
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private UsageEvents() {
    }

    public static byte[] toJson(UsageEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static UsageEvent fromJson(byte[] json) {
        return MAPPER.readValue(json, UsageEvent.class);
    }
}
