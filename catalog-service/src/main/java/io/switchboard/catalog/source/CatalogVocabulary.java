package io.switchboard.catalog.source;

import java.util.Set;

/**
 * The closed sets of OpenRouter's API that catalog values are published in: {@code /models} and
 * {@code /models/{author}/{slug}/endpoints} must conform to the contract, so the catalog accepts only values the
 * contract's enums list (copied from {@code shared/contracts/openrouter-openapi.yaml}: {@code Parameter},
 * {@code InputModality}, {@code OutputModality}, {@code ModelGroup}, {@code InstructType}, {@code Quantization} and the
 * {@code category} parameter of {@code getModels}). Provider names are deliberately not restricted: OpenRouter's SDKs
 * read {@code ProviderName} as an open enum, and an operator's own provider has a name OpenRouter never heard of.
 */
public final class CatalogVocabulary {

    public static final Set<String> PARAMETERS = Set.of("temperature", "top_p", "top_k", "min_p", "top_a",
            "frequency_penalty", "presence_penalty", "repetition_penalty", "max_tokens", "max_completion_tokens",
            "logit_bias", "logprobs", "top_logprobs", "prediction", "seed", "response_format", "structured_outputs",
            "stop", "tools", "tool_choice", "parallel_tool_calls", "include_reasoning", "reasoning",
            "reasoning_effort", "web_search_options", "verbosity");
    public static final Set<String> INPUT_MODALITIES = Set.of("text", "image", "file", "audio", "video");
    public static final Set<String> OUTPUT_MODALITIES = Set.of("text", "image", "embeddings", "audio", "video",
            "rerank", "speech", "transcription");
    public static final Set<String> TOKENIZERS = Set.of("Router", "Media", "Other", "GPT", "Claude", "Gemini", "Gemma",
            "Grok", "Cohere", "Nova", "Qwen", "Yi", "DeepSeek", "Mistral", "Llama2", "Llama3", "Llama4", "PaLM", "RWKV",
            "Qwen3");
    public static final Set<String> INSTRUCT_TYPES = Set.of("none", "airoboros", "alpaca", "alpaca-modif", "chatml",
            "claude", "code-llama", "gemma", "llama2", "llama3", "mistral", "nemotron", "neural", "openchat", "phi3",
            "rwkv", "vicuna", "zephyr", "deepseek-r1", "deepseek-v3.1", "qwq", "qwen3");
    public static final Set<String> QUANTIZATIONS = Set.of("int4", "int8", "fp4", "mxfp4", "nvfp4", "fp6", "fp8",
            "mxfp8", "fp16", "bf16", "fp32", "unknown");
    public static final Set<String> CATEGORIES = Set.of("programming", "roleplay", "marketing", "marketing/seo",
            "technology", "science", "translation", "legal", "finance", "health", "trivia", "academia");

    private CatalogVocabulary() {
    }
}
