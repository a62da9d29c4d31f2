package io.switchboard.routing.provider;

import io.switchboard.routing.chat.ReasoningConfig;

/**
 * Turns OpenRouter's {@code reasoning} settings into a thinking budget in tokens, for the formats that take one
 * (Anthropic's {@code thinking.budget_tokens}, Gemini's {@code thinkingBudget}). OpenRouter documents an effort as a
 * share of the completion limit, "budget_tokens = max(min(max_tokens * effort_ratio, 128000), 1024)", with ratios
 * of about 0.8 for high, 0.5 for medium and 0.2 for low (openrouter.ai/docs/use-cases/reasoning-tokens). A budget
 * the caller gives in {@code reasoning.max_tokens} is passed unchanged: the provider, not the gateway, judges it.
 */
public final class ReasoningBudget {

    static final int MIN_BUDGET = 1024;
    static final int MAX_BUDGET = 128_000;

    private ReasoningBudget() {
    }

    /** The budget for a request that asked for reasoning, given the completion limit the provider will get. */
    public static int tokens(ReasoningConfig reasoning, int completionLimit) {
        if (reasoning.maxTokens() != null) {
            return reasoning.maxTokens();
        }
        String effort = reasoning.effort() != null ? reasoning.effort() : ReasoningConfig.DEFAULT_EFFORT;
        long budget = Math.round(completionLimit * ratio(effort));
        return (int) Math.max(Math.min(budget, MAX_BUDGET), MIN_BUDGET);
    }

    /**
     * The effort closest to a budget, for formats that only take an effort: "the max_tokens value will be used to
     * determine the effort level" (same document).
     */
    public static String effort(int budget, int completionLimit) {
        double share = completionLimit <= 0 ? 1 : (double) budget / completionLimit;
        if (share >= 0.8) {
            return "high";
        }
        return share >= 0.5 ? "medium" : "low";
    }

    static double ratio(String effort) {
        return switch (effort) {
            case "max", "xhigh" -> 0.95;
            case "high" -> 0.8;
            case "low" -> 0.2;
            case "minimal" -> 0.1;
            default -> 0.5;
        };
    }
}
