package io.switchboard.billing.credits;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Topic and JSON codec of {@link CreditEvent}. */
public final class CreditEvents {

    /** Billing-owned: only billing-service produces and consumes it. */
    public static final String TOPIC = "switchboard.credits.v1";

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CreditEvents() {
    }

    public static byte[] toJson(CreditEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static CreditEvent fromJson(byte[] json) {
        return MAPPER.readValue(json, CreditEvent.class);
    }
}
