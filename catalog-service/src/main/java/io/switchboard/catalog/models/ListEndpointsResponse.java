package io.switchboard.catalog.models;

import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The body of {@code GET /api/v1/models/{author}/{slug}/endpoints}: OpenRouter's {@code ListEndpointsResponse}. */
record ListEndpointsResponse(Data data) {

    /** A model and the endpoints serving it, cheapest first. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Data(String id, String name, long created, String description,
            PublicModel.PublicArchitecture architecture, List<PublicEndpoint> endpoints) {
    }
}
