package io.switchboard.usage;

import java.math.BigDecimal;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;

/**
 * Writes money as a plain decimal string ({@code "0.00000015"}, never {@code "1.5E-7"}), whatever the mapper's
 * settings: external billing systems parse these fields as decimal strings.
 */
public final class PlainDecimalSerializer extends ValueSerializer<BigDecimal> {

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext context) {
        gen.writeString(value.toPlainString());
    }
}
