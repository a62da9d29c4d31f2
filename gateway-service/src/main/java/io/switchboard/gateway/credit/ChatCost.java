package io.switchboard.gateway.credit;

import java.util.List;

/**
 * What a chat request may cost, decided at admission.
 *
 * @param models the models it names ({@code model}, then {@code models})
 * @param maxCost the most its generation can cost, nanodollars: what is reserved
 * @param tokens its estimated prompt plus completion tokens, for the tokens-per-minute limit (corrected later)
 */
public record ChatCost(List<String> models, long maxCost, long tokens) {

    public ChatCost {
        models = List.copyOf(models);
    }
}
