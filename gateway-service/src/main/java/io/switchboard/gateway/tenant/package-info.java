/** Tenants and the operator API that creates them and their management keys. */
@NullMarked
package io.switchboard.gateway.tenant;

import org.jspecify.annotations.NullMarked;
