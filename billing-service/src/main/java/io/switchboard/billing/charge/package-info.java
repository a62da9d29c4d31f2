/** What a generation costs and what billing charges for it. */
@NullMarked
package io.switchboard.billing.charge;

import org.jspecify.annotations.NullMarked;
