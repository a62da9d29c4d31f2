/** The credit ledger shared by gateway-service (reserve, release) and billing-service (settle, top up). */
@NullMarked
package io.switchboard.ledger;

import org.jspecify.annotations.NullMarked;
