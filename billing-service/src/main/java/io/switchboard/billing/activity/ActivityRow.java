package io.switchboard.billing.activity;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dimensions of one activity row of a day: which key used which model through which endpoint. Stored as a JSON
 * array inside hash field names ({@code <metric>:<row>}), because model, endpoint and provider names may contain any
 * separator a plain string format would use.
 */
record ActivityRow(String keyId, String model, String endpointId, String providerName) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    String encode() {
        return JSON.writeValueAsString(List.of(keyId, model, endpointId, providerName));
    }

    static ActivityRow decode(String encoded) {
        List<String> parts = JSON.readValue(encoded, STRINGS);
        if (parts.size() != 4) {
            throw new IllegalArgumentException("not an activity row: " + encoded);
        }
        return new ActivityRow(parts.get(0), parts.get(1), parts.get(2), parts.get(3));
    }

    /** The same row without the key: what {@code GET /api/v1/activity} groups by when not filtering by key. */
    ActivityRow withoutKey() {
        return new ActivityRow("", model, endpointId, providerName);
    }
}
