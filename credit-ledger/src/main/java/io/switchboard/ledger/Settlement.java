package io.switchboard.ledger;

import java.time.Instant;

/**
 * The charge of one generation, from its usage event.
 *
 * @param tenant tenant charged
 * @param keyHash API key used
 * @param requestId request whose reservation this settles
 * @param generationId the generation; charged at most once
 * @param cost nanodollars, see {@link Nanodollars#fromUsd}
 * @param at when the generation happened: decides the key's day, week and month
 */
public record Settlement(String tenant, String keyHash, String requestId, String generationId, long cost,
        Instant at) {

    public Settlement {
        if (cost < 0) {
            throw new IllegalArgumentException("a cost cannot be negative");
        }
    }
}
