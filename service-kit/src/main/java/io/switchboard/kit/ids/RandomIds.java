package io.switchboard.kit.ids;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * Unguessable base62 strings for ids. Uses a DRBG seeded once at start-up: drawing never reads the operating
 * system's entropy source, which would be a blocking file read on an event-loop thread.
 */
public final class RandomIds {

    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
            .toCharArray();

    private final SecureRandom random;

    public RandomIds() {
        try {
            this.random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is not available", e);
        }
        random.nextInt();
    }

    /** {@code length} random base62 characters appended to {@code prefix}. */
    public String next(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(BASE62[random.nextInt(BASE62.length)]);
        }
        return id.toString();
    }
}
