package io.switchboard.catalog.state;

import io.switchboard.catalog.source.CatalogJson;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An entry of the audit log as read back: an {@link AuditEvent} with its stream id (which orders entries and is the
 * cursor for paging) and the revision its commit produced.
 */
public record AuditEntry(String id, long revision, Instant at, String tenant, String actor, String role,
        String requestId, String action, String entry, @Nullable ObjectNode before, @Nullable ObjectNode after,
        String version) {

    static AuditEntry of(String id, Map<String, String> fields) {
        return new AuditEntry(id, Long.parseLong(fields.getOrDefault("revision", "0")),
                Instant.parse(fields.get("at")), fields.getOrDefault("tenant", ""), fields.getOrDefault("actor", ""),
                fields.getOrDefault("role", ""), fields.getOrDefault("request_id", ""),
                fields.getOrDefault("action", ""), fields.getOrDefault("entry", ""), json(fields.get("before")),
                json(fields.get("after")), fields.getOrDefault("version", ""));
    }

    private static @Nullable ObjectNode json(@Nullable String text) {
        return text == null || text.isEmpty() ? null : (ObjectNode) CatalogJson.MAPPER.readTree(text);
    }
}
