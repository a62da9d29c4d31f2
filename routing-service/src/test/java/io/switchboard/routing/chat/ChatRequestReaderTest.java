package io.switchboard.routing.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.kit.error.ApiException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestReaderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ChatRequestReader reader = new ChatRequestReader(JSON);

    @Test
    void shouldReadEveryTypedParameterOfTheContract() {
        ChatRequest request = read("""
                {"model":"m","messages":[
                  {"role":"system","content":"Be brief."},
                  {"role":"user","content":[{"type":"text","text":"What is "},
                    {"type":"image_url","image_url":{"url":"https://example.com/cat.png","detail":"low"}},
                    {"type":"text","text":"this?"}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"look","arguments":"{\\"at\\":\\"cat\\"}"}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"a cat"}],
                 "tools":[{"type":"function","function":{"name":"look","parameters":{"type":"object"}}}],
                 "tool_choice":{"type":"function","function":{"name":"look"}},"parallel_tool_calls":false,
                 "response_format":{"type":"json_schema","json_schema":{"name":"answer","schema":{"type":"object"},
                   "strict":true}},
                 "reasoning":{"effort":"high","exclude":true},"stop":"END","temperature":0.5,"top_p":0.9,
                 "top_k":40,"frequency_penalty":0.1,"presence_penalty":-0.1,"repetition_penalty":1.1,"seed":7,
                 "max_tokens":100,"max_completion_tokens":50,"logprobs":true,"top_logprobs":3,"user":"u-1",
                 "stream":true,"stream_options":{"include_usage":true},"models":["a","b"],
                 "provider":{"order":["x"]}}""");

        assertThat(request.messages()).hasSize(4);
        assertThat(request.messages().get(1).content()).isInstanceOf(MessageContent.Parts.class);
        assertThat(request.messages().get(1).text()).isEqualTo("What is this?");
        assertThat(request.messages().get(1).images()).isEqualTo(1);
        assertThat(request.messages().get(2).toolCalls()).singleElement()
                .satisfies(call -> assertThat(call.function().name()).isEqualTo("look"));
        assertThat(request.messages().get(3).toolCallId()).isEqualTo("call_1");
        assertThat(request.toolChoice()).isInstanceOf(ToolChoice.Function.class);
        assertThat(((ToolChoice.Function) request.toolChoice()).name()).isEqualTo("look");
        assertThat(request.responseFormat()).isInstanceOf(ResponseFormat.JsonSchema.class);
        assertThat(request.reasoning().effort()).isEqualTo("high");
        assertThat(request.reasoningExcluded()).isTrue();
        assertThat(request.stop()).containsExactly("END");
        assertThat(request.completionLimit()).isEqualTo(50);
        assertThat(request.seed()).isEqualTo(7L);
        assertThat(request.extra()).isEmpty();
        assertThat(request.parametersSent()).contains("tools", "tool_choice", "response_format", "structured_outputs",
                "reasoning", "max_tokens", "stop", "top_k", "seed", "logprobs", "top_logprobs");
    }

    @Test
    void shouldWriteTheRequestBackAsTheClientSentIt() {
        String body = """
                {"model":"m","messages":[{"role":"user","content":[{"type":"text","text":"hi",
                "cache_control":{"type":"ephemeral"}},{"type":"input_audio","input_audio":{"data":"AAA","format":"wav"}}],
                "name":"bob"}],"tool_choice":"auto","response_format":{"type":"grammar","grammar":"x"},
                "tools":[{"type":"function","function":{"name":"f","strict":true}}],"brand_new_param":{"x":1}}""";

        ChatRequest request = read(body);

        assertThat(JSON.readTree(JSON.writeValueAsString(request))).isEqualTo(JSON.readTree(body));
        assertThat(request.extra()).containsOnlyKeys("brand_new_param");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"messages":[{"role":"user","content":"hi"}],"temperature":"hot"}        | temperature: expected a number
            {"messages":[{"role":"user","content":"hi"}],"temperature":2.5}          | temperature: must be between 0 and 2
            {"messages":[{"role":"user","content":"hi"}],"top_p":1.5}                | top_p: must be between 0 and 1
            {"messages":[{"role":"user","content":"hi"}],"max_tokens":1.5}           | max_tokens: expected an integer
            {"messages":[{"role":"user","content":"hi"}],"stream":"true"}            | stream: expected a boolean
            {"messages":[{"role":"user","content":"hi"}],"seed":"7"}                 | seed: expected an integer
            {"messages":[{"role":"user","content":"hi"}],"tools":{}}                 | tools: expected an array
            {"messages":[{"role":"user","content":"hi"}],"stop":["a","b","c","d","e"]} | stop: at most 4 stop sequences are allowed
            {"messages":[{"role":"user","content":"hi"}],"stop":5}                   | stop: must be a string or an array of strings
            {"messages":"hi"}                                                        | messages: expected an array
            {"messages":[]}                                                          | messages: must contain at least one message
            {"model":"m"}                                                            | messages: is required
            {"messages":[{"content":"hi"}]}                                          | messages[0].role: is required
            {"messages":[{"role":"robot","content":"hi"}]}                           | messages[0].role: must be one of system, developer, user, assistant, tool
            {"messages":[{"role":"user","content":"hi"},{"role":"user","content":5}]} | messages[1].content: must be a string or an array of content parts
            {"messages":[{"role":"user"}]}                                           | messages[0].content: is required
            {"messages":[{"role":"user","content":[{"type":"text","text":7}]}]}      | messages[0].content[0].text: expected a string
            {"messages":[{"role":"user","content":[{"type":"text"}]}]}               | messages[0].content[0].text: is required
            {"messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]} | messages[0].content[0].image_url.url: is required
            {"messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"ftp://x"}}]}]} | messages[0].content[0].image_url.url: must be an http(s) URL or a data URL
            {"messages":[{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x"}}]}]} | messages[0].content[0].type: system and developer messages may only contain text parts
            {"messages":[{"role":"tool","content":"42"}]}                            | messages[0].tool_call_id: is required
            {"messages":[{"role":"user","content":"hi"},{"role":"tool","tool_call_id":"c9","content":"42"}]} | messages[1].tool_call_id: no earlier assistant message has a tool call with this id
            {"messages":[{"role":"assistant"}]}                                      | messages[0].content: is required unless the message has tool_calls
            {"messages":[{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]}]} | messages[0].tool_calls[0].id: is required
            {"messages":[{"role":"assistant","tool_calls":[{"id":"c","function":{"name":"f","arguments":{}}}]}]} | messages[0].tool_calls[0].function.arguments: expected a string
            {"messages":[{"role":"user","content":"hi"}],"tools":[{"type":"function","function":{"name":"bad name"}}]} | tools[0].function.name: must be 1 to 64 letters, digits, underscores or dashes
            {"messages":[{"role":"user","content":"hi"}],"tool_choice":"always"}     | tool_choice: must be none, auto, required or a function
            {"messages":[{"role":"user","content":"hi"}],"tool_choice":{"type":"function","function":{"name":"f"}}} | tool_choice.function.name: no tool named f in tools
            {"messages":[{"role":"user","content":"hi"}],"response_format":{"type":"json_schema"}} | response_format.json_schema: is required
            {"messages":[{"role":"user","content":"hi"}],"reasoning":{"effort":"huge"}} | reasoning.effort: must be one of max, xhigh, high, medium, low, minimal, none
            {"messages":[{"role":"user","content":"hi"}],"reasoning":{"effort":"low","max_tokens":2000}} | reasoning: set effort or max_tokens, not both
            """)
    void shouldRefuseAnInvalidRequestNamingTheField(String body, String message) {
        assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(ApiException.class, error -> {
            assertThat(error.status().value()).isEqualTo(400);
            assertThat(error.getMessage()).isEqualTo(message);
        });
    }

    @Test
    void shouldRefuseABodyThatIsNotAJsonObject() {
        assertThatThrownBy(() -> read("")).hasMessage("A JSON request body is required");
        assertThatThrownBy(() -> read("{\"model\": ")).hasMessage("Request body is not valid JSON");
        assertThatThrownBy(() -> read("[1,2]")).hasMessage("Request body must be a JSON object");
    }

    private ChatRequest read(String body) {
        return reader.read(body.getBytes(StandardCharsets.UTF_8));
    }
}
