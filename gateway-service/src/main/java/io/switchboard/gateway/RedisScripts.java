package io.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.script.RedisScript;

/** The gateway's Lua scripts ({@code src/main/resources/gateway/*.lua}). */
public final class RedisScripts {

    private RedisScripts() {
    }

    /**
     * The script {@code gateway/<name>.lua}, its text read now: Spring would otherwise read the resource again for
     * the EVAL fallback after a NOSCRIPT reply (a restarted Redis), which is file I/O on an event-loop thread.
     */
    public static <T> RedisScript<T> load(String name, Class<T> resultType) {
        try {
            String source = new ClassPathResource("gateway/" + name + ".lua").getContentAsString(
                    StandardCharsets.UTF_8);
            return RedisScript.of(source, resultType);
        } catch (IOException e) {
            throw new UncheckedIOException("gateway/" + name + ".lua is missing", e);
        }
    }
}
