package io.switchboard.catalog.internal;

import io.switchboard.catalog.api.CatalogSnapshot;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of the current snapshot, serialised once per version: routing-service polls about twice a second per
 * replica, and almost every poll finds the same version. Prices are written as plain decimals ({@code 0.00000015},
 * not {@code 1.5E-7}); both read back into the same {@code BigDecimal}, the plain form is just kinder to humans.
 */
final class SerializedSnapshots {

    /** @param version the snapshot's version, also its ETag; @param json its JSON, never modified */
    record SerializedSnapshot(String version, byte[] json) {
    }

    private final ObjectWriter writer;
    private final AtomicReference<@Nullable SerializedSnapshot> last = new AtomicReference<>();

    SerializedSnapshots(JsonMapper mapper) {
        this.writer = mapper.writer().with(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN);
    }

    SerializedSnapshot of(CatalogSnapshot snapshot) {
        SerializedSnapshot cached = last.get();
        if (cached != null && cached.version().equals(snapshot.version())) {
            return cached;
        }
        // Two requests racing past a new version may both serialise it; the results are identical, either may stay.
        SerializedSnapshot fresh = new SerializedSnapshot(snapshot.version(), writer.writeValueAsBytes(snapshot));
        last.set(fresh);
        return fresh;
    }
}
