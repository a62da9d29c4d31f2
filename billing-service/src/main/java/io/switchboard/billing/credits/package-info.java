/**
 * Credits: {@code GET /api/v1/credits}, the operator's top-up API, and the {@code switchboard.credits.v1} topic through
 * which every top-up reaches the ledger, so that replaying billing's topics rebuilds balances.
 */
@NullMarked
package io.switchboard.billing.credits;

import org.jspecify.annotations.NullMarked;
