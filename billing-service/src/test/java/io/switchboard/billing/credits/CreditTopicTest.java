package io.switchboard.billing.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.billing.ingest.RejectedRecordException;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CreditTopicTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static CreditEvent event(String amount) {
        return CreditEvent.of(Instant.parse("2026-11-26T15:00:00Z"),
                new CreditData("acme", "invoice-7", new BigDecimal(amount), "November", "operator-key"));
    }

    @Test
    void shouldWriteAStructuredCloudEventKeyedByTenantAndTopUpId() {
        JsonNode json = JSON.readTree(CreditEvents.toJson(event("25.50")));

        assertThat(json.get("specversion").asString()).isEqualTo("1.0");
        assertThat(json.get("id").asString()).isEqualTo("acme/invoice-7");
        assertThat(json.get("type").asString()).isEqualTo("io.switchboard.credits.v1");
        assertThat(json.get("subject").asString()).isEqualTo("acme");
        assertThat(json.get("time").asString()).isEqualTo("2026-11-26T15:00:00Z");
        assertThat(json.at("/data/amount").asString()).isEqualTo("25.50");
        assertThat(json.at("/data/top_up_id").asString()).isEqualTo("invoice-7");
        assertThat(json.at("/data/operator_key_id").asString()).isEqualTo("operator-key");
    }

    @Test
    void shouldReadBackATopUpAboveAnyLimitItWasAcceptedUnder() {
        TopUp topUp = CreditTopic.validate(CreditEvents.toJson(event("5000000")));

        assertThat(topUp.nanodollars()).isEqualTo(5_000_000_000_000_000L);
    }

    @Test
    void shouldRejectACreditEventWithANonPositiveAmount() {
        assertThatThrownBy(() -> CreditTopic.validate(CreditEvents.toJson(event("-1"))))
                .isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void shouldRejectARecordThatIsNotACreditEvent() {
        assertThatThrownBy(() -> CreditTopic.validate("[]".getBytes()))
                .isInstanceOf(RejectedRecordException.class);
    }
}
