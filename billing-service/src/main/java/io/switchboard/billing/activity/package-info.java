/** Daily activity per model, endpoint and key: recorded from usage events, served as {@code GET /api/v1/activity}. */
@NullMarked
package io.switchboard.billing.activity;

import org.jspecify.annotations.NullMarked;
