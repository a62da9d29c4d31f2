/** Who may call what: role checks on the verified internal identity. */
@NullMarked
package io.switchboard.billing.access;

import org.jspecify.annotations.NullMarked;
