/**
 * The catalog's shared state in Redis (the file's baseline, the operator's edits, the composed catalog, its revision
 * and audit log) and how each replica keeps its in-memory copy in step with it.
 */
@NullMarked
package io.switchboard.catalog.state;

import org.jspecify.annotations.NullMarked;
