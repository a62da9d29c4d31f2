package io.switchboard.routing.selection;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;

/** One endpoint that may serve a request, with its model and provider. */
public record Candidate(Model model, Endpoint endpoint, Provider provider) {
}
