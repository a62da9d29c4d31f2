package io.switchboard.simulator.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.simulator.openai.ChatRequestReader.ChatCall;
import io.switchboard.simulator.reply.Overrides;
import io.switchboard.simulator.reply.PromptMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class ChatRequestReaderTest {

    @Test
    void shouldReadTheFieldsTheSimulatorUsesAndIgnoreTheRest() {
        ChatCall call = read("""
                {"model":"gpt-4o","temperature":0.2,"tools":[{"type":"function","function":{"name":"f"}}],
                 "messages":[{"role":"user","content":"hi","name":"bob"}],"stream":true,
                 "stream_options":{"include_usage":true,"future_option":1},"max_tokens":5,"brand_new_field":{}}
                """);

        assertThat(call.reply().model()).isEqualTo("gpt-4o");
        assertThat(call.reply().messages()).containsExactly(PromptMessage.of("user", "hi"));
        assertThat(call.reply().maxTokens()).isEqualTo(5);
        assertThat(call.stream()).isTrue();
        assertThat(call.includeUsage()).isTrue();
        assertThat(call.reply().overrides()).isEqualTo(Overrides.NONE);
    }

    @Test
    void shouldDefaultToANonStreamedReplyWithoutUsageOptionsOrLimit() {
        ChatCall call = read("""
                {"model":"m","messages":[{"role":"user","content":"hi"}]}""");

        assertThat(call.stream()).isFalse();
        assertThat(call.includeUsage()).isFalse();
        assertThat(call.reply().maxTokens()).isNull();
    }

    @Test
    void shouldKeepOnlyTheTextPartsOfArrayContent() {
        ChatCall call = read("""
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"look at"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA"}},{"type":"text","text":"this"}]},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function"}]}]}""");

        assertThat(call.reply().messages()).containsExactly(
                new PromptMessage("user", java.util.List.of("look at", "this")),
                new PromptMessage("assistant", java.util.List.of()));
    }

    @Test
    void shouldPreferMaxCompletionTokensOverMaxTokens() {
        ChatCall call = read("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":50,"max_completion_tokens":7}""");

        assertThat(call.reply().maxTokens()).isEqualTo(7);
    }

    @Test
    void shouldReadPerRequestOverrides() {
        ChatCall call = read("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],
                 "simulator":{"time_to_first_token_ms":10,"tokens_per_second":200,"reply_tokens":20}}""");

        assertThat(call.reply().overrides()).isEqualTo(new Overrides(Duration.ofMillis(10), 200.0, 20));
    }

    @Test
    void shouldRefuseABodyThatIsNotJson() {
        assertRefused("{\"model\": ", null, null);
        assertRefused("", null, null);
        assertRefused("null", null, null);
        assertRefused("[1,2]", null, null);
    }

    @Test
    void shouldRefuseMissingModelOrMessages() {
        assertRefused("""
                {"messages":[{"role":"user","content":"hi"}]}""", null, null);
        assertRefused("""
                {"model":"m"}""", "messages", "missing_required_parameter");
        assertRefused("""
                {"model":"m","messages":[]}""", "messages", "empty_array");
        assertRefused("""
                {"model":"m","messages":[{"content":"hi"}]}""", "messages[0].role", "missing_required_parameter");
    }

    @Test
    void shouldRefuseAFieldOfTheWrongType() {
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"stream":"yes please"}""", "stream",
                "invalid_type");
    }

    @Test
    void shouldRefuseAMaxTokensBelowOne() {
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", "max_tokens",
                "integer_below_min_value");
    }

    @Test
    void shouldRefuseImpossibleOverrides() {
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"simulator":{"tokens_per_second":0}}""",
                "simulator.tokens_per_second", "invalid_value");
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"simulator":{"time_to_first_token_ms":-1}}""",
                "simulator.time_to_first_token_ms", "invalid_value");
        assertRefused("""
                {"model":"m","messages":[{"role":"user","content":"hi"}],"simulator":{"reply_tokens":100001}}""",
                "simulator.reply_tokens", "invalid_value");
    }

    private static ChatCall read(String json) {
        return ChatRequestReader.read(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertRefused(String json, String param, String code) {
        assertThatThrownBy(() -> read(json)).asInstanceOf(InstanceOfAssertFactories.type(OpenAiException.class))
                .satisfies(e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.body().error().type()).isEqualTo("invalid_request_error");
                    assertThat(e.body().error().param()).isEqualTo(param);
                    assertThat(e.body().error().code()).isEqualTo(code);
                });
    }
}
