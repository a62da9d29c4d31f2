package io.switchboard.catalog.models;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** OpenRouter's {@code ModelsListResponse}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record ModelsListResponse(List<PublicModel> data, int totalCount, Links links) {

    /** @param next the next page, or null on the last one (the schema requires the field even then) */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Links(@Nullable String next) {
    }
}
