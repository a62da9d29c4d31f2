/**
 * The credit gate: a chat request's maximum cost is estimated from its body and the catalog copy, and reserved in
 * the credit ledger before any provider is called (402 when the tenant or the key cannot cover it).
 */
@NullMarked
package io.switchboard.gateway.credit;

import org.jspecify.annotations.NullMarked;
