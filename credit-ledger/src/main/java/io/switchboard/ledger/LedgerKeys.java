package io.switchboard.ledger;

import java.util.List;

/**
 * The ledger's Redis keys (docs/contracts.md). Every key of a tenant carries the tenant as a Redis Cluster hash tag,
 * {@code {tenant}}, so each script touches a single slot and declares every key it touches.
 */
final class LedgerKeys {

    private LedgerKeys() {
    }

    private static String tenant(String tenant) {
        if (tenant.indexOf('{') >= 0 || tenant.indexOf('}') >= 0) {
            throw new IllegalArgumentException("tenant ids cannot contain braces");
        }
        return "billing:{" + tenant + "}:";
    }

    /** Hash: {@code credits}, {@code usage}, {@code reserved}. */
    static String balance(String tenant) {
        return tenant(tenant) + "balance";
    }

    /** Sorted set: request id scored by the expiry of its reservation (epoch ms). */
    static String reservations(String tenant) {
        return tenant(tenant) + "reservations";
    }

    /** Hash: request id to {@code <key hash>|<amount>} of open reservations. */
    static String reservationData(String tenant) {
        return tenant(tenant) + "reservation-data";
    }

    /** Hash: key hash to the sum of that key's open reservations. */
    static String keysReserved(String tenant) {
        return tenant(tenant) + "keys-reserved";
    }

    /** Hash: a key's spend, {@code total} and per period ({@code d:2026-11-26}, {@code w:2026-W48}, {@code m:2026-11}). */
    static String keySpend(String tenant, String keyHash) {
        return tenant(tenant) + "key:" + keyHash;
    }

    /** String: set once a generation was charged. */
    static String settled(String tenant, String generationId) {
        return tenant(tenant) + "settled:" + generationId;
    }

    /** String: set once a top-up id was applied. */
    static String topUp(String tenant, String id) {
        return tenant(tenant) + "topup:" + id;
    }

    static List<String> reservationKeys(String tenant) {
        return List.of(balance(tenant), reservations(tenant), reservationData(tenant), keysReserved(tenant));
    }
}
