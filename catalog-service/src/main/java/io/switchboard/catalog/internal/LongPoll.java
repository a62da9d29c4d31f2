package io.switchboard.catalog.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The {@code wait} preference of RFC 7240 ({@code Prefer: wait=20}): how long a caller holding the current version is
 * willing to wait for the next one. catalog-clients long-poll with it, so a change reaches them as soon as this replica
 * has it instead of on their next poll; the response says {@code Preference-Applied: wait=N} when it was honoured.
 */
final class LongPoll {

    static final String PREFER = "Prefer";
    static final String PREFERENCE_APPLIED = "Preference-Applied";

    private LongPoll() {
    }

    /** The wait asked for in {@code prefer}, capped at {@code max}; null when none (or a malformed one) is asked. */
    static @Nullable Duration requestedWait(@Nullable String prefer, Duration max) {
        if (prefer == null) {
            return null;
        }
        for (String preference : prefer.split(",")) {
            String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
            if (nameAndValue.length == 2 && nameAndValue[0].trim().equalsIgnoreCase("wait")) {
                try {
                    long seconds = Long.parseLong(nameAndValue[1].trim().replace("\"", ""));
                    return seconds <= 0 ? null : Duration.ofSeconds(Math.min(seconds, max.toSeconds()));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Whether the {@code If-None-Match} header names {@code version} ({@code "v"}, {@code W/"v"}, or a list). */
    static boolean matches(@Nullable String ifNoneMatch, String version) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.startsWith("W/")) {
                trimmed = trimmed.substring(2);
            }
            if (trimmed.equals("\"" + version + "\"") || trimmed.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
