package io.switchboard.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.source.CatalogLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

class SerializedSnapshotsTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final SerializedSnapshots serialized = new SerializedSnapshots(mapper);

    @Test
    void shouldSerialiseEachVersionOnce() {
        CatalogSnapshot catalog = load("catalogs/valid.yaml");

        assertThat(serialized.of(catalog)).isSameAs(serialized.of(catalog));
    }

    @Test
    void shouldSerialiseANewVersionAfresh() {
        SerializedSnapshots.SerializedSnapshot first = serialized.of(load("catalogs/valid.yaml"));
        CatalogSnapshot changed = load("catalogs/price-changed.yaml");

        SerializedSnapshots.SerializedSnapshot second = serialized.of(changed);

        assertThat(second.version()).isEqualTo(changed.version()).isNotEqualTo(first.version());
        assertThat(mapper.readValue(second.json(), CatalogSnapshot.class)).isEqualTo(changed);
    }

    @Test
    void shouldWritePricesAsPlainDecimals() {
        String json = new String(serialized.of(load("catalogs/valid.yaml")).json(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"prompt\":0.00000015").doesNotContain("E-");
    }

    private static CatalogSnapshot load(String location) {
        return new CatalogLoader().load(new ClassPathResource(location), null);
    }
}
