package io.switchboard.routing.support;

import io.switchboard.routing.chat.ChatRequest;
import io.switchboard.routing.chat.ProviderPreferences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Chat requests for routing tests, naming only the fields selection cares about. */
public final class TestRequests {

    private TestRequests() {
    }

    public static ChatRequest chat(@Nullable String model, @Nullable List<String> models, @Nullable Integer maxTokens,
            @Nullable ProviderPreferences provider, Map<String, JsonNode> extra) {
        return new ChatRequest(model, models, List.of(), null, null, maxTokens, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, provider, new LinkedHashMap<>(extra));
    }

    public static ChatRequest chat(@Nullable String model, @Nullable List<String> models) {
        return chat(model, models, null, null, Map.of());
    }
}
