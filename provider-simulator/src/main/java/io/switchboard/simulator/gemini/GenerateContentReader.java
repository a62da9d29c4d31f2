package io.switchboard.simulator.gemini;

import io.switchboard.simulator.reply.Overrides;
import io.switchboard.simulator.reply.PromptMessage;
import io.switchboard.simulator.reply.ReplyRequest;
import io.switchboard.simulator.reply.SimulatorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/** Reads and checks a {@code generateContent} request, refusing it with Google's {@code INVALID_ARGUMENT}. */
final class GenerateContentReader {

    /**
     * A request the simulator can answer.
     *
     * @param reply what decides the reply
     * @param includeThoughts whether thought parts are returned (the reasoning is generated and counted either way)
     */
    record GenerateCall(ReplyRequest reply, boolean includeThoughts) {
    }

    private GenerateContentReader() {
    }

    /** @param model the model named in the path */
    static GenerateCall read(String model, byte[] body) {
        GenerateContentRequest request = parse(body);
        List<PromptMessage> messages = new ArrayList<>();
        if (request.systemInstruction() != null) {
            messages.add(new PromptMessage("system", texts(request.systemInstruction().parts())));
        }
        messages.addAll(contents(request.contents()));
        GenerateContentRequest.GenerationConfig config = request.generationConfig();
        Integer maxTokens = config == null ? null : config.maxOutputTokens();
        if (maxTokens != null && maxTokens < 1) {
            throw GeminiException.invalidArgument("* GenerateContentRequest.generation_config.max_output_tokens: "
                    + "must be positive");
        }
        GenerateContentRequest.ThinkingConfig thinking = config == null ? null : config.thinkingConfig();
        boolean reasoning = thinking != null && !Integer.valueOf(0).equals(thinking.thinkingBudget());
        boolean includeThoughts = thinking != null && Boolean.TRUE.equals(thinking.includeThoughts());
        ReplyRequest reply = new ReplyRequest(model, messages, maxTokens, overrides(request.simulator()),
                tools(request.tools()), reasoning);
        return new GenerateCall(reply, includeThoughts);
    }

    private static GenerateContentRequest parse(byte[] body) {
        try {
            GenerateContentRequest request = GeminiJson.read(body, GenerateContentRequest.class);
            if (request != null) {
                return request;
            }
        } catch (JacksonException notJson) {
            // refused below
        }
        throw GeminiException.invalidArgument("Invalid JSON payload received.");
    }

    /**
     * The conversation in neutral terms: role {@code model} is the assistant, and {@code functionResponse} parts are
     * the tool's answer, a message of role {@code tool}.
     */
    private static List<PromptMessage> contents(@Nullable List<GenerateContentRequest.@Nullable Content> contents) {
        if (contents == null || contents.isEmpty()) {
            throw GeminiException.invalidArgument("* GenerateContentRequest.contents: contents is not specified");
        }
        List<PromptMessage> messages = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            GenerateContentRequest.Content content = contents.get(i);
            String role = content == null || content.role() == null ? "user" : content.role();
            if (!role.equals("user") && !role.equals("model")) {
                throw GeminiException.invalidArgument("* GenerateContentRequest.contents[" + i + "].role: Please use "
                        + "a valid role: user, model.");
            }
            List<GenerateContentRequest.@Nullable Part> parts = content == null || content.parts() == null
                    ? List.of()
                    : content.parts();
            List<String> results = parts.stream()
                    .filter(part -> part != null && part.functionResponse() != null)
                    .map(part -> GeminiJson.text(Objects.requireNonNull(part.functionResponse()).path("response")))
                    .toList();
            if (!results.isEmpty()) {
                messages.add(new PromptMessage("tool", results));
            }
            List<String> texts = texts(parts);
            if (!texts.isEmpty() || results.isEmpty()) {
                messages.add(new PromptMessage(role.equals("model") ? "assistant" : "user", texts));
            }
        }
        return messages;
    }

    /** The answer texts of the parts; thoughts, calls and inline data count for nothing. */
    private static List<String> texts(@Nullable List<GenerateContentRequest.@Nullable Part> parts) {
        if (parts == null) {
            return List.of();
        }
        return parts.stream()
                .filter(part -> part != null && part.text() != null && !Boolean.TRUE.equals(part.thought()))
                .map(part -> Objects.requireNonNull(part.text()))
                .toList();
    }

    private static List<String> tools(@Nullable List<GenerateContentRequest.@Nullable Tool> tools) {
        if (tools == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (GenerateContentRequest.Tool tool : tools) {
            if (tool != null && tool.functionDeclarations() != null) {
                tool.functionDeclarations()
                        .stream()
                        .filter(declaration -> declaration != null && declaration.name() != null)
                        .forEach(declaration -> names.add(declaration.name()));
            }
        }
        return names;
    }

    private static Overrides overrides(@Nullable SimulatorOptions options) {
        try {
            return SimulatorOptions.toOverrides(options);
        } catch (SimulatorOptions.InvalidOption invalid) {
            throw GeminiException.invalidArgument(invalid.getMessage());
        }
    }
}
