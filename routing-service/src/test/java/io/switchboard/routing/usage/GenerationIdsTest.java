package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.kit.ids.RandomIds;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GenerationIdsTest {

    @Test
    void shouldLookLikeOpenRoutersGenerationIdsAndNeverRepeat() {
        GenerationIds ids = new GenerationIds(Clock.fixed(Instant.ofEpochSecond(1_764_169_200L), ZoneOffset.UTC),
                new RandomIds());
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 10_000; i++) {
            String id = ids.next();
            assertThat(id).matches("gen-1764169200-[0-9A-Za-z]{20}");
            assertThat(seen.add(id)).isTrue();
        }
    }
}
