package io.switchboard.catalog.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The HTTP API a provider speaks; routing-service has one adapter per wire format. */
public enum WireFormat {
    /** OpenAI chat completions, and every server compatible with it (Mistral, Groq, Together, vLLM, Ollama...). */
    @JsonProperty("openai")
    OPENAI,
    /** Anthropic Messages API. */
    @JsonProperty("anthropic")
    ANTHROPIC,
    /** Google Gemini generateContent / streamGenerateContent. */
    @JsonProperty("gemini")
    GEMINI
}
