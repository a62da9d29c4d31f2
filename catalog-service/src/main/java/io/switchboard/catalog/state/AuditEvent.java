package io.switchboard.catalog.state;

import io.switchboard.kit.identity.InternalIdentity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change of the catalog as the audit log records it: who (the caller's tenant, key id, role and request id), when,
 * what (an action on one entry, or the file loaded) and the entry before and after, in the catalog's own JSON.
 *
 * @param action {@code create}, {@code update}, {@code disable}, {@code enable}, {@code revert} or {@code load-file}
 * @param entry {@code <kind>:<id>}, or {@code catalog} for the whole file
 * @param before the entry before, or null if it did not exist (or for the file)
 * @param after the entry after, or null if it no longer exists (or for the file)
 * @param version the catalog version the change produced
 */
public record AuditEvent(Instant at, InternalIdentity actor, String action, String entry,
        @Nullable ObjectNode before, @Nullable ObjectNode after, String version) {

    /** Field-value pairs for the audit stream (the script adds {@code revision}). */
    List<String> fields() {
        List<String> fields = new ArrayList<>(List.of("at", at.toString(), "tenant", actor.tenantId(), "actor",
                actor.keyId(), "role", actor.role().name(), "request_id", actor.requestId(), "action", action, "entry",
                entry, "version", version));
        if (before != null) {
            fields.addAll(List.of("before", before.toString()));
        }
        if (after != null) {
            fields.addAll(List.of("after", after.toString()));
        }
        return fields;
    }
}
