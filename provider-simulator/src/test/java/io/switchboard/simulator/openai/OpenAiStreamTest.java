package io.switchboard.simulator.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.simulator.generation.GenerationEvent;
import io.switchboard.simulator.reply.FinishReason;
import io.switchboard.simulator.reply.TokenUsage;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenAiStreamTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenAiStream.State WITH_USAGE = new OpenAiStream.State("chatcmpl-x", 1700000000, "m", true);
    private static final OpenAiStream.State WITHOUT_USAGE = new OpenAiStream.State("chatcmpl-x", 1700000000, "m",
            false);

    @Test
    void shouldAnnounceTheAssistantRoleWithEmptyContentFirst() {
        JsonNode chunk = single(new GenerationEvent.Started(), WITHOUT_USAGE);

        assertThat(chunk.at("/object").asString()).isEqualTo("chat.completion.chunk");
        assertThat(chunk.at("/choices/0/delta").toString()).isEqualTo("{\"role\":\"assistant\",\"content\":\"\"}");
        assertThat(chunk.at("/choices/0/finish_reason").isNull()).isTrue();
        assertThat(chunk.at("/choices/0/logprobs").isNull()).isTrue();
        assertThat(chunk.has("usage")).isFalse();
    }

    @Test
    void shouldSendEachTokenAsAContentDelta() {
        JsonNode chunk = single(new GenerationEvent.Token(" word"), WITHOUT_USAGE);

        assertThat(chunk.at("/choices/0/delta").toString()).isEqualTo("{\"content\":\" word\"}");
    }

    @Test
    void shouldFinishWithAnEmptyDeltaAndNoUsageChunkUnlessAsked() {
        List<ChatCompletionChunk> chunks = OpenAiStream.translate(
                new GenerationEvent.Finished(FinishReason.LENGTH, new TokenUsage(10, 2)), WITHOUT_USAGE);

        assertThat(chunks).hasSize(1);
        JsonNode last = tree(chunks.getFirst());
        assertThat(last.at("/choices/0/delta").toString()).isEqualTo("{}");
        assertThat(last.at("/choices/0/finish_reason").asString()).isEqualTo("length");
    }

    @Test
    void shouldAddAUsageChunkWithNoChoicesAndNullUsageElsewhereWhenAsked() {
        List<ChatCompletionChunk> chunks = OpenAiStream.translate(
                new GenerationEvent.Finished(FinishReason.STOP, new TokenUsage(10, 2)), WITH_USAGE);

        assertThat(chunks).hasSize(2);
        JsonNode finish = tree(chunks.get(0));
        JsonNode usage = tree(chunks.get(1));
        assertThat(finish.get("usage").isNull()).isTrue();
        assertThat(usage.get("choices").isEmpty()).isTrue();
        assertThat(usage.get("usage").toString())
                .isEqualTo("{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12}");
        assertThat(tree(OpenAiStream.translate(new GenerationEvent.Started(), WITH_USAGE).getFirst()).get("usage")
                .isNull()).isTrue();
    }

    @Test
    void shouldShareIdAndCreatedAcrossChunks() {
        assertThat(List.of(new GenerationEvent.Started(), new GenerationEvent.Token("a"),
                new GenerationEvent.Finished(FinishReason.STOP, new TokenUsage(1, 1))))
                .flatMap(event -> OpenAiStream.translate(event, WITH_USAGE))
                .allSatisfy(chunk -> {
                    assertThat(chunk.id()).isEqualTo("chatcmpl-x");
                    assertThat(chunk.created()).isEqualTo(1700000000);
                });
    }

    private static JsonNode single(GenerationEvent event, OpenAiStream.State state) {
        List<ChatCompletionChunk> chunks = OpenAiStream.translate(event, state);
        assertThat(chunks).hasSize(1);
        return tree(chunks.getFirst());
    }

    private static JsonNode tree(ChatCompletionChunk chunk) {
        return JSON.readTree(OpenAiJson.write(chunk));
    }
}
