package io.switchboard.simulator.reply;

/** What a reply token is part of; each wire format sends each kind in its own field. */
public enum TokenKind {
    /** The model's reasoning, sent before the answer (OpenAI-compatible {@code reasoning_content}, Anthropic
     * {@code thinking}, Gemini thought parts). */
    REASONING,
    /** The answer's text. */
    CONTENT,
    /** A fragment of a tool call's arguments, a JSON text. */
    TOOL_ARGUMENTS
}
