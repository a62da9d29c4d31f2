package io.switchboard.catalog.models;

import io.switchboard.catalog.source.CatalogVocabulary;
import io.switchboard.kit.error.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The query of {@code GET /api/v1/models} (OpenRouter's {@code getModels} parameters): filters, and an optional page.
 * Parameters Switchboard does not implement yet ({@code sort}, {@code q}, RSS) are ignored, as unknown ones are.
 *
 * @param supportedParameters a model is listed only if it supports all of these
 * @param outputModalities a model is listed if it outputs any of these; empty for {@code all}
 * @param category a model is listed only if the catalog puts it in this use-case category; null for any
 * @param page the requested page, or null for the full list
 */
record ModelsQuery(Set<String> supportedParameters, Set<String> outputModalities, @Nullable String category,
        @Nullable Page page) {

    static final String PATH = "/api/v1/models";
    /** OpenRouter's defaults: offset 0, limit 500 of at most 1000; no paging when both are omitted. */
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 1000;

    /** @param offset models skipped; @param limit models returned at most */
    record Page(int offset, int limit) {
    }

    static ModelsQuery of(@Nullable String supportedParameters, @Nullable String outputModalities,
            @Nullable String category, @Nullable String offset, @Nullable String limit) {
        Page page = isBlank(offset) && isBlank(limit)
                ? null
                : new Page(integer("offset", offset, 0, 0, Integer.MAX_VALUE),
                        integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
        return new ModelsQuery(values(supportedParameters), outputModalities(outputModalities), category(category),
                page);
    }

    /** The query of {@code GET /api/v1/models/count}, which only filters by output modality. */
    static ModelsQuery ofCount(@Nullable String outputModalities) {
        return new ModelsQuery(Set.of(), outputModalities(outputModalities), null, null);
    }

    boolean matches(PublicModels.Listed listed) {
        PublicModel model = listed.view();
        return model.supportedParameters().containsAll(supportedParameters)
                && (outputModalities.isEmpty()
                        || model.architecture().outputModalities().stream().anyMatch(outputModalities::contains))
                && (category == null || listed.model().categories().contains(category));
    }

    <T> List<T> pageOf(List<T> matching) {
        if (page == null) {
            return matching;
        }
        int from = Math.min(page.offset(), matching.size());
        return matching.subList(from, Math.min(matching.size(), from + page.limit()));
    }

    /** The link to the next page with the same filters, or null when this is the last one (or there is no paging). */
    @Nullable
    String next(int total) {
        if (page == null || (long) page.offset() + page.limit() >= total) {
            return null;
        }
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH);
        if (!supportedParameters.isEmpty()) {
            link.queryParam("supported_parameters", String.join(",", supportedParameters.stream().sorted().toList()));
        }
        if (category != null) {
            link.queryParam("category", category);
        }
        link.queryParam("output_modalities",
                outputModalities.isEmpty() ? "all" : String.join(",", outputModalities.stream().sorted().toList()));
        return link.queryParam("offset", page.offset() + page.limit())
                .queryParam("limit", page.limit())
                .encode()
                .build()
                .toUriString();
    }

    /** OpenRouter's default is {@code text}; {@code all} lifts the filter. */
    private static Set<String> outputModalities(@Nullable String outputModalities) {
        Set<String> modalities = isBlank(outputModalities) ? Set.of("text") : values(outputModalities);
        return modalities.contains("all") ? Set.of() : modalities;
    }

    private static @Nullable String category(@Nullable String category) {
        if (isBlank(category)) {
            return null;
        }
        String trimmed = category.trim();
        if (!CatalogVocabulary.CATEGORIES.contains(trimmed)) {
            throw ApiException.badRequest("category must be one of " + String.join(", ",
                    new TreeSet<>(CatalogVocabulary.CATEGORIES)) + ", got '" + category + "'");
        }
        return trimmed;
    }

    private static Set<String> values(@Nullable String commaSeparated) {
        if (commaSeparated == null) {
            return Set.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    private static int integer(String name, @Nullable String value, int absent, int min, int max) {
        if (isBlank(value)) {
            return absent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(name + " must be an integer from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", got '" + value + "'");
    }

    private static boolean isBlank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
