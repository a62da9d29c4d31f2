package io.switchboard.catalog.models;

/** OpenRouter's {@code ModelsCountResponse}: {@code {"data": {"count": 8}}}. */
record ModelsCountResponse(Count data) {

    record Count(int count) {
    }
}
