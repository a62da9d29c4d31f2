package io.switchboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessage;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import io.switchboard.localstack.LocalStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance check of the Anthropic and Gemini wire formats: an application using the official OpenAI Java SDK
 * streams a tool call from models the shipped catalog serves only through those formats, runs the tool and streams the
 * answer, without knowing which format the provider speaks. The cluster runs as real processes, every provider played
 * by the simulator in its own format.
 */
@ExtendWith(SharedCluster.class)
class WireFormatsEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ChatCompletionFunctionTool WEATHER = ChatCompletionFunctionTool.builder()
            .function(FunctionDefinition.builder()
                    .name("get_weather")
                    .description("Current weather in a city")
                    .parameters(FunctionParameters.builder()
                            .putAdditionalProperty("type", JsonValue.from("object"))
                            .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type",
                                    "string"))))
                            .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                            .build())
                    .build())
            .build();

    private static LocalStack stack;
    private static OpenAIClient openai;

    @BeforeAll
    static void startCluster() {
        stack = SharedCluster.stack();
        openai = OpenAIOkHttpClient.builder().baseUrl(stack.baseUrl()).apiKey(stack.demoKey()).maxRetries(0).build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"anthropic/claude-3.5-haiku", "google/gemini-2.0-flash-001"})
    void shouldStreamAToolCallAndThenTheAnswerThroughTheOpenAiSdk(String model) {
        ChatCompletionCreateParams ask = ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("tool: {\"city\": \"Paris\"}")
                .addTool(WEATHER)
                .build();

        List<ChatCompletionChunk> chunks = new ArrayList<>();
        ChatCompletion call = accumulate(ask, chunks);

        assertThat(chunks.getFirst().choices().getFirst().delta().role()).isPresent();
        assertThat(chunks.stream().filter(chunk -> chunk.usage().isPresent()).toList()).singleElement()
                .isSameAs(chunks.getLast());
        assertThat(call.model()).isEqualTo(model);
        assertThat(call.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessage message = call.choices().getFirst().message();
        ChatCompletionMessageFunctionToolCall toolCall = message.toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(toolCall.id()).isNotBlank();
        assertThat(toolCall.function().name()).isEqualTo("get_weather");
        assertThat(JSON.readTree(toolCall.function().arguments())).isEqualTo(JSON.readTree("{\"city\": \"Paris\"}"));

        ChatCompletion answer = accumulate(ask.toBuilder()
                .addMessage(message)
                .addMessage(ChatCompletionToolMessageParam.builder()
                        .toolCallId(toolCall.id())
                        .content("{\"temp_c\": 18}")
                        .build())
                .build(), new ArrayList<>());

        assertThat(answer.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(answer.choices().getFirst().message().content()).hasValueSatisfying(text -> assertThat(text)
                .isNotBlank());
        assertThat(answer.choices().getFirst().message().toolCalls().orElse(List.of())).isEmpty();
    }

    /** Streams a request, keeping every chunk, and returns the completion the SDK assembles from them. */
    private static ChatCompletion accumulate(ChatCompletionCreateParams params, List<ChatCompletionChunk> chunks) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> chunks.add(accumulator.accumulate(chunk)));
        }
        return accumulator.chatCompletion();
    }
}
