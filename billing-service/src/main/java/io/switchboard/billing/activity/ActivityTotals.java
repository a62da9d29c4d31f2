package io.switchboard.billing.activity;

/**
 * The figures of one activity row.
 *
 * @param usage nanodollars charged
 */
record ActivityTotals(long requests, long promptTokens, long completionTokens, long reasoningTokens, long usage) {

    static final ActivityTotals ZERO = new ActivityTotals(0, 0, 0, 0, 0);

    /** One metric's value as stored; metrics this version does not know count as nothing. */
    static ActivityTotals of(String metric, long value) {
        return switch (metric) {
            case "requests" -> new ActivityTotals(value, 0, 0, 0, 0);
            case "prompt_tokens" -> new ActivityTotals(0, value, 0, 0, 0);
            case "completion_tokens" -> new ActivityTotals(0, 0, value, 0, 0);
            case "reasoning_tokens" -> new ActivityTotals(0, 0, 0, value, 0);
            case "usage" -> new ActivityTotals(0, 0, 0, 0, value);
            default -> ZERO;
        };
    }

    ActivityTotals plus(ActivityTotals other) {
        return new ActivityTotals(requests + other.requests, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, reasoningTokens + other.reasoningTokens,
                usage + other.usage);
    }
}
