package io.switchboard.usage;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * The endpoint's prices when the generation ran, in USD as decimal strings, per token unless said otherwise (the
 * units of OpenRouter's {@code pricing} object). A null price means the endpoint has no separate price for it: cache
 * reads and writes then cost the prompt price, reasoning the completion price, and requests and images nothing.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PriceSnapshot(@JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal prompt,
        @JsonSerialize(using = PlainDecimalSerializer.class) BigDecimal completion,
        @JsonSerialize(using = PlainDecimalSerializer.class) @Nullable BigDecimal request,
        @JsonSerialize(using = PlainDecimalSerializer.class) @Nullable BigDecimal image,
        @JsonSerialize(using = PlainDecimalSerializer.class) @Nullable BigDecimal inputCacheRead,
        @JsonSerialize(using = PlainDecimalSerializer.class) @Nullable BigDecimal inputCacheWrite,
        @JsonSerialize(using = PlainDecimalSerializer.class) @Nullable BigDecimal internalReasoning) {

    public static PriceSnapshot perToken(String prompt, String completion) {
        return new PriceSnapshot(new BigDecimal(prompt), new BigDecimal(completion), null, null, null, null, null);
    }
}
