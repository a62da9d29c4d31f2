package io.switchboard.simulator.reply;

/** Why a reply ended, in neutral terms; each wire format maps it to its own value. */
public enum FinishReason {
    /** The reply ended on its own. */
    STOP,
    /** The reply was cut at the client's token limit. */
    LENGTH,
    /** The reply is a call to a tool, which the client runs. */
    TOOL_CALLS
}
