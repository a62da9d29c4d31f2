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
    private static final int UNBIASED_LIMIT = 256 - 256 % 62;

    private final SecureRandom random;

    public RandomIds() {
        try {
            this.random = SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("DRBG is not available", e);
        }
        random.nextInt();
    }

    /**
     * {@code length} random base62 characters appended to {@code prefix}. The bytes come from one DRBG call per id (one
     * call per character made DRBG the larger part of an id's cost); a byte picks a character only below 248, the
     * largest multiple of 62 under 256, so every character stays equally likely.
     */
    public String next(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        byte[] bytes = new byte[length + length / 4 + 4];
        while (id.length() < prefix.length() + length) {
            random.nextBytes(bytes);
            for (int i = 0; i < bytes.length && id.length() < prefix.length() + length; i++) {
                int value = bytes[i] & 0xff;
                if (value < UNBIASED_LIMIT) {
                    id.append(BASE62[value % BASE62.length]);
                }
            }
        }
        return id.toString();
    }
}
