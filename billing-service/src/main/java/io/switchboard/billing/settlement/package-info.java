/** Charging generations to the credit ledger (docs/contracts.md, "The credit ledger"). */
@NullMarked
package io.switchboard.billing.settlement;

import org.jspecify.annotations.NullMarked;
