package io.switchboard.billing.credits;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;

/**
 * A {@code switchboard.credits.v1} event in CloudEvents 1.0 structured JSON mode, like the usage events. The id is
 * {@code <tenant>/<top-up id>}, so a retried top-up is the same CloudEvent; {@code subject} is the tenant, which is also
 * the Kafka key, so one tenant's top-ups stay in order and the first of two with the same id always wins.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CreditEvent(String specversion, String id, String source, String type, String subject, Instant time,
        String datacontenttype, String dataschema, CreditData data) {

    public static final String TYPE = "io.switchboard.credits.v1";
    public static final String DATA_SCHEMA = "urn:switchboard:schema:credits:v1";
    public static final String SOURCE = "/switchboard/billing-service";

    public static CreditEvent of(Instant time, CreditData data) {
        return new CreditEvent("1.0", data.tenantId() + "/" + data.topUpId(), SOURCE, TYPE, data.tenantId(), time,
                "application/json", DATA_SCHEMA, data);
    }

    /** The event recording {@code topUp}, asked for by {@code operatorKeyId}. */
    static CreditEvent of(Instant time, TopUp topUp, String operatorKeyId) {
        return of(time, new CreditData(topUp.tenantId(), topUp.id(), topUp.amount(), topUp.description(),
                operatorKeyId));
    }
}
