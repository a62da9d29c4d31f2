package io.switchboard.routing.selection;

import java.util.List;

/**
 * Matches the provider names of a request against a candidate, as OpenRouter does: by provider slug
 * ({@code "together"}), display name ({@code "Together"}) or endpoint tag ({@code "deepinfra/fp8"}), ignoring case.
 */
final class ProviderNames {

    private ProviderNames() {
    }

    static boolean matches(String name, Candidate candidate) {
        return name.equalsIgnoreCase(candidate.provider().slug()) || name.equalsIgnoreCase(candidate.provider().name())
                || name.equalsIgnoreCase(candidate.endpoint().tag());
    }

    static boolean matchesAny(List<String> names, Candidate candidate) {
        for (String name : names) {
            if (matches(name, candidate)) {
                return true;
            }
        }
        return false;
    }
}
