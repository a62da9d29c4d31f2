package io.switchboard.bench;

import java.nio.charset.StandardCharsets;

/**
 * A request body: the same bytes go to every target. The {@code simulator} object steers the provider simulator (its
 * README): for non-stream an immediate answer, for streams 20 chunks 5 ms apart, for slow streams one chunk a second.
 */
record Workload(String name, byte[] body, boolean stream) {

    static final String MODEL = "meta-llama/llama-3.1-8b-instruct";

    static final Workload NON_STREAM = of("non-stream", false, 0, 1_000_000, 20);
    static final Workload STREAM = of("stream", true, 0, 200, 20);
    static final Workload SLOW_STREAM = of("slow stream", true, 0, 1, 900);

    private static Workload of(String name, boolean stream, int timeToFirstTokenMs, int tokensPerSecond, int tokens) {
        String json = """
                {"model":"%s","messages":[{"role":"user","content":"Tell me about benchmarks."}],\
                "max_tokens":%d,"stream":%s,"simulator":{"time_to_first_token_ms":%d,"tokens_per_second":%d,\
                "reply_tokens":%d}}""".formatted(MODEL, tokens + 8, stream, timeToFirstTokenMs, tokensPerSecond,
                tokens);
        return new Workload(name, json.getBytes(StandardCharsets.UTF_8), stream);
    }
}
