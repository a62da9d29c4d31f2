package io.switchboard.routing.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChatRecordsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldKeepUnknownRequestFieldsForTheProvider() {
        String body = """
                {"model":"m","messages":[{"role":"user","content":"hi","name":"bob"}],"temperature":0.2,\
                "tools":[{"type":"function","function":{"name":"f"}}],"stream":true,"brand_new_param":{"x":1}}""";

        ChatRequest request = JSON.readValue(body, ChatRequest.class);
        JsonNode written = JSON.readTree(JSON.writeValueAsString(request));

        assertThat(request.isStream()).isTrue();
        assertThat(request.temperature()).isEqualTo(0.2);
        assertThat(request.tools()).singleElement()
                .satisfies(tool -> assertThat(tool.function().name()).isEqualTo("f"));
        assertThat(request.extra()).containsOnlyKeys("brand_new_param");
        assertThat(request.messages().getFirst().name()).isEqualTo("bob");
        assertThat(written).isEqualTo(JSON.readTree(body));
    }

    @Test
    void shouldJoinTextPartsOfMultipartContent() {
        ChatMessage message = JSON.readValue("""
                {"role":"user","content":[{"type":"text","text":"What is "},\
                {"type":"image_url","image_url":{"url":"https://x/y.png"}},{"type":"text","text":"this?"}]}""",
                ChatMessage.class);

        assertThat(message.text()).isEqualTo("What is this?");
    }

    @Test
    void shouldWriteFinishReasonAndSystemFingerprintEvenWhenNull() {
        ChatChunk chunk = JSON.readValue("""
                {"id":"c","object":"chat.completion.chunk","created":1,"model":"m",\
                "choices":[{"index":0,"delta":{"content":"x"},"finish_reason":null}]}""", ChatChunk.class);

        JsonNode written = JSON.readTree(JSON.writeValueAsString(chunk));

        assertThat(written.at("/choices/0").has("finish_reason")).isTrue();
        assertThat(written.has("usage")).isFalse();
    }
}
