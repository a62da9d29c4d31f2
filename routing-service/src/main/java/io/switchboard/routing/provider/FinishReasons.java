package io.switchboard.routing.provider;

/** The finish reasons of the contract ({@code ChatFinishReasonEnum}), to which every adapter normalises. */
public final class FinishReasons {

    public static final String STOP = "stop";
    public static final String LENGTH = "length";
    public static final String TOOL_CALLS = "tool_calls";
    public static final String CONTENT_FILTER = "content_filter";
    public static final String ERROR = "error";

    private FinishReasons() {
    }
}
