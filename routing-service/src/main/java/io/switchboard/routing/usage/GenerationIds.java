package io.switchboard.routing.usage;

import io.switchboard.kit.ids.RandomIds;
import java.time.Clock;
import org.springframework.stereotype.Component;

/** Generation ids in OpenRouter's form, {@code gen-<unix-seconds>-<20 random base62 characters>}. */
@Component
public class GenerationIds {

    private static final int RANDOM_LENGTH = 20;

    private final Clock clock;
    private final RandomIds random;

    public GenerationIds(Clock clock, RandomIds random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        return random.next("gen-" + clock.instant().getEpochSecond() + "-", RANDOM_LENGTH);
    }
}
