/**
 * The operator API {@code /api/v1/admin/catalog/**}: add, change, disable and revert providers, models and endpoints,
 * validated like the catalog file, audited, and propagated to every replica through Redis.
 */
@NullMarked
package io.switchboard.catalog.admin;

import org.jspecify.annotations.NullMarked;
