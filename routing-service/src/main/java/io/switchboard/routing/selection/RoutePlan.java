package io.switchboard.routing.selection;

import java.util.List;

/**
 * The endpoints to try for a request, in order.
 *
 * @param requestedModel the model the client asked for first, without its variant suffix
 * @param candidates the endpoints, the first to be tried first; never empty
 */
public record RoutePlan(String requestedModel, List<Candidate> candidates) {

    public RoutePlan {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("a route plan needs at least one candidate");
        }
    }
}
