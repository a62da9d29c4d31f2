package io.switchboard.gateway.hygiene;

import tools.jackson.databind.JsonNode;

/**
 * A request body read by {@link JsonBodies}: the exact bytes the client sent (forwarded unchanged, so upstream
 * services parse what the gateway checked) and their parsed form.
 *
 * @param bytes the body as sent
 * @param json its parsed form
 */
public record JsonBody(byte[] bytes, JsonNode json) {
}
