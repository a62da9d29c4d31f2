package io.switchboard.usage;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a generation ended. Every outcome is billed for the tokens it used. */
public enum Outcome {
    /** The provider finished the generation (any finish reason, including length and tool calls). */
    @JsonProperty("completed")
    COMPLETED,
    /** The provider failed after the first byte reached the client; the tokens delivered are billed. */
    @JsonProperty("failed")
    FAILED,
    /** The client went away; the upstream call was cancelled and the tokens generated so far are billed. */
    @JsonProperty("cancelled")
    CANCELLED
}
