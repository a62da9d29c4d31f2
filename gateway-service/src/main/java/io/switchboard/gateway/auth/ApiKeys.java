package io.switchboard.gateway.auth;

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

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
