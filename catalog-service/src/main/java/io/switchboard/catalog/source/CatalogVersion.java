package io.switchboard.catalog.source;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The version of a catalog: the first 16 hex digits of the SHA-256 of its canonical JSON. Identical content gives the
 * identical version on every replica and restart, so routing-service's {@code If-None-Match} keeps working across
 * them; any change of content (a price, a base URL) gives a new one.
 */
final class CatalogVersion {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private CatalogVersion() {
    }

    static CatalogSnapshot snapshot(List<Provider> providers, List<Model> models, List<Endpoint> endpoints) {
        return new CatalogSnapshot(of(providers, models, endpoints), providers, models, endpoints);
    }

    static String of(List<Provider> providers, List<Model> models, List<Endpoint> endpoints) {
        byte[] canonical = CANONICAL.writeValueAsBytes(new CatalogFile(providers, models, endpoints));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
