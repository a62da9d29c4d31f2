package io.switchboard.gateway.keys;

import io.switchboard.gateway.auth.ApiKeyRecord;
import io.switchboard.kit.error.ApiException;
import io.switchboard.ledger.KeyLimit;
import io.switchboard.ledger.LimitReset;
import io.switchboard.ledger.Nanodollars;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the bodies of {@code POST /keys} and {@code PATCH /keys/{hash}} (the contract's fields plus
 * Switchboard's {@code rate_limits} and {@code allowed_models}), refusing anything malformed with a 400 that names
 * the field. Unknown fields are ignored, as OpenRouter's clients may send newer ones.
 */
public final class KeyRequests {

    static final int MAX_NAME = 200;
    static final BigDecimal MAX_LIMIT_USD = new BigDecimal("1000000000");
    static final int MAX_MODELS = 1000;

    private KeyRequests() {
    }

    /** The settings of a new key, for {@code POST /keys}; {@code name} is required. */
    public static KeySettings create(JsonNode body, Instant now) {
        requireObject(body);
        JsonNode limit = body.get("limit");
        LimitReset reset = reset(body.get("limit_reset"));
        KeyLimit keyLimit = limit == null || limit.isNull() ? null : new KeyLimit(limit(limit), reset);
        return new KeySettings(name(body.get("name")), keyLimit, bool(body, "include_byok_in_limit", false),
                optionalString(body, "creator_user_id"), expiresAt(body.get("expires_at"), now),
                rateLimits(body.get("rate_limits")), allowedModels(body.get("allowed_models")));
    }

    /**
     * The fields to set and remove in the key's record (see {@code ApiKeyStore}), for {@code PATCH /keys/{hash}}.
     * Only fields present in the body change; {@code null} removes a limit, a rate limit (back to the default) or
     * the model restriction.
     */
    public static Changes changes(JsonNode body, Instant now) {
        requireObject(body);
        Map<String, String> set = new LinkedHashMap<>();
        List<String> remove = new ArrayList<>();
        if (body.has("name")) {
            set.put("name", name(body.get("name")));
        }
        if (body.has("disabled")) {
            set.put("disabled", Boolean.toString(bool(body, "disabled", false)));
        }
        if (body.has("include_byok_in_limit")) {
            set.put("include_byok_in_limit", Boolean.toString(bool(body, "include_byok_in_limit", false)));
        }
        if (body.has("limit")) {
            JsonNode limit = body.get("limit");
            if (limit.isNull()) {
                remove.add("limit");
            } else {
                set.put("limit", Long.toString(limit(limit)));
            }
        }
        if (body.has("limit_reset")) {
            set.put("limit_reset", reset(body.get("limit_reset")).name().toLowerCase(Locale.ROOT));
        }
        if (body.has("expires_at")) {
            Instant expiresAt = expiresAt(body.get("expires_at"), now);
            if (expiresAt == null) {
                remove.add("expires_at");
            } else {
                set.put("expires_at", Long.toString(expiresAt.toEpochMilli()));
            }
        }
        if (body.has("rate_limits")) {
            JsonNode rateLimits = body.get("rate_limits");
            ApiKeyRecord.RateLimits limits = rateLimits(rateLimits);
            boolean clearAll = rateLimits.isNull();
            applyRate(set, remove, "rpm", limits.requestsPerMinute(), clearAll || rateLimits.has(
                    "requests_per_minute"));
            applyRate(set, remove, "tpm", limits.tokensPerMinute(), clearAll || rateLimits.has("tokens_per_minute"));
        }
        if (body.has("allowed_models")) {
            List<String> models = allowedModels(body.get("allowed_models"));
            if (models == null) {
                remove.add("allowed_models");
            } else {
                set.put("allowed_models", String.join("\n", models));
            }
        }
        set.put("updated_at", Long.toString(now.toEpochMilli()));
        return new Changes(set, remove);
    }

    /**
     * Changes to a key's record.
     *
     * @param set fields to set
     * @param remove fields to remove
     */
    public record Changes(Map<String, String> set, List<String> remove) {
    }

    private static void applyRate(Map<String, String> set, List<String> remove, String field,
            @Nullable Integer value, boolean given) {
        if (!given) {
            return;
        }
        if (value == null) {
            remove.add(field);
        } else {
            set.put(field, value.toString());
        }
    }

    private static void requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw ApiException.badRequest("Request body must be a JSON object");
        }
    }

    /** A key's (or tenant's) name: a non-blank string without control characters; 400 otherwise. */
    public static String name(@Nullable JsonNode name) {
        if (name == null || !name.isString() || name.asString().isBlank()) {
            throw ApiException.badRequest("name: a non-empty string is required");
        }
        String value = name.asString().strip();
        if (value.length() > MAX_NAME || value.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("name: at most " + MAX_NAME + " characters, no control characters");
        }
        return value;
    }

    private static long limit(JsonNode limit) {
        if (!limit.isNumber()) {
            throw ApiException.badRequest("limit: must be a number of USD, or null");
        }
        BigDecimal usd = limit.decimalValue();
        if (usd.signum() < 0 || usd.compareTo(MAX_LIMIT_USD) > 0) {
            throw ApiException.badRequest("limit: must be between 0 and " + MAX_LIMIT_USD.toPlainString() + " USD");
        }
        return Nanodollars.fromUsd(usd);
    }

    private static LimitReset reset(@Nullable JsonNode reset) {
        if (reset == null || reset.isNull()) {
            return LimitReset.NEVER;
        }
        if (reset.isString()) {
            switch (reset.asString()) {
                case "daily" :
                    return LimitReset.DAILY;
                case "weekly" :
                    return LimitReset.WEEKLY;
                case "monthly" :
                    return LimitReset.MONTHLY;
                default :
                    break;
            }
        }
        throw ApiException.badRequest("limit_reset: must be \"daily\", \"weekly\", \"monthly\" or null");
    }

    private static boolean bool(JsonNode body, String field, boolean fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(field + ": must be true or false");
        }
        return value.asBoolean();
    }

    private static @Nullable String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString() || value.asString().isEmpty() || value.asString().length() > MAX_NAME) {
            throw ApiException.badRequest(field + ": must be a string of 1 to " + MAX_NAME + " characters, or null");
        }
        return value.asString();
    }

    private static @Nullable Instant expiresAt(@Nullable JsonNode value, Instant now) {
        if (value == null || value.isNull()) {
            return null;
        }
        Instant at;
        try {
            at = value.isString() ? OffsetDateTime.parse(value.asString()).toInstant() : null;
        } catch (DateTimeParseException malformed) {
            at = null;
        }
        if (at == null) {
            throw ApiException.badRequest("expires_at: must be an ISO 8601 date-time such as 2027-12-31T23:59:59Z");
        }
        if (!at.isAfter(now)) {
            throw ApiException.badRequest("expires_at: must be in the future");
        }
        return at;
    }

    private static ApiKeyRecord.RateLimits rateLimits(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return ApiKeyRecord.RateLimits.DEFAULTS;
        }
        if (!value.isObject()) {
            throw ApiException.badRequest(
                    "rate_limits: must be an object with requests_per_minute and/or tokens_per_minute");
        }
        return new ApiKeyRecord.RateLimits(positive(value, "requests_per_minute"),
                positive(value, "tokens_per_minute"));
    }

    private static @Nullable Integer positive(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.asInt() < 1) {
            throw ApiException.badRequest("rate_limits." + field + ": must be a positive integer, or null for the "
                    + "default");
        }
        return value.asInt();
    }

    private static @Nullable List<String> allowedModels(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > MAX_MODELS) {
            throw ApiException.badRequest("allowed_models: must be an array of at most " + MAX_MODELS
                    + " model ids, or null for all models");
        }
        List<String> models = new ArrayList<>();
        for (JsonNode model : value) {
            if (!model.isString() || !validModelId(model.asString())) {
                throw ApiException.badRequest("allowed_models: every entry must be a model id such as "
                        + "\"mistralai/mistral-small-2603\"");
            }
            if (!models.contains(model.asString())) {
                models.add(model.asString());
            }
        }
        return List.copyOf(models);
    }

    private static boolean validModelId(String id) {
        if (id.isEmpty() || id.length() > MAX_NAME) {
            return false;
        }
        return id.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
