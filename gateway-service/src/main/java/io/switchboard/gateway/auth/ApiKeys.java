package io.switchboard.gateway.auth;

import io.switchboard.kit.ids.RandomIds;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The form of Switchboard API keys, {@code sk-sb-v1-<random>}, and their hashes. Keys carry 48 random base62
 * characters (about 285 bits), so a fast SHA-256 is a safe one-way store; the hex hash is also the key's public id,
 * as in OpenRouter's {@code /keys/{hash}}.
 */
public final class ApiKeys {

    public static final String PREFIX = "sk-sb-v1-";
    public static final int RANDOM_LENGTH = 48;

    private ApiKeys() {
    }

    /** Whether {@code key} can be a Switchboard key at all: cheap rejection before any lookup. */
    public static boolean looksValid(String key) {
        if (!key.startsWith(PREFIX) || key.length() < PREFIX.length() + 16 || key.length() > 200) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** A new key: {@value #RANDOM_LENGTH} random base62 characters after the prefix. */
    public static String generate(RandomIds ids) {
        return ids.next(PREFIX, RANDOM_LENGTH);
    }

    /**
     * The form a key is shown in after its creation, as OpenRouter's {@code label}: enough to recognise it
     * ({@code sk-sb-v1-a1b...9xyz}), far too little to use or guess it.
     */
    public static String label(String key) {
        int random = key.length() - PREFIX.length();
        if (random < 8) {
            return PREFIX + "...";
        }
        return key.substring(0, PREFIX.length() + 3) + "..." + key.substring(key.length() - 4);
    }

    /** Whether {@code value} can be a key hash (64 lower-case hex digits): cheap rejection of bogus path ids. */
    public static boolean looksLikeHash(String value) {
        if (value.length() != 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
