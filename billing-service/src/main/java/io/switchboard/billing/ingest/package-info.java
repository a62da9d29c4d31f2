@NullMarked
package io.switchboard.billing.ingest;

import org.jspecify.annotations.NullMarked;
