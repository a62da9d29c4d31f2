package io.switchboard.catalog.admin;

import io.switchboard.catalog.source.CatalogComposer;
import io.switchboard.catalog.source.CatalogJson;
import io.switchboard.catalog.source.EntityRef;
import io.switchboard.catalog.state.AuditEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the operator API shows of catalog entries: their fields in the catalog's own form, where they come from, and
 * never a provider's {@code credential_env}. The variable's name is not a secret, but it says where a key lives, so no
 * API returns it; an operator sees only whether one is set, and sets it by sending it.
 */
final class AdminViews {

    private static final String CREDENTIAL_ENV = "credential_env";

    private AdminViews() {
    }

    /** An entry with {@code origin} ({@code file} or {@code operator}) and {@code edited}. */
    static ObjectNode entry(EntityRef ref, Object entry, CatalogEditor.Current current) {
        ObjectNode view = redacted(CatalogComposer.toJson(entry));
        view.put("origin", current.fromFile().contains(ref) ? "file" : "operator");
        view.put("edited", current.edited().contains(ref));
        return view;
    }

    /** {@code {"data": ..., "catalog": {"revision": ..., "version": ...}}}. */
    static ObjectNode envelope(@Nullable JsonNode data, long revision, String version) {
        ObjectNode envelope = CatalogJson.MAPPER.createObjectNode();
        envelope.set("data", data);
        envelope.putObject("catalog").put("revision", revision).put("version", version);
        return envelope;
    }

    static ObjectNode auditEntry(AuditEntry entry) {
        ObjectNode view = CatalogJson.MAPPER.createObjectNode()
                .put("id", entry.id())
                .put("revision", entry.revision())
                .put("at", entry.at().toString())
                .put("tenant", entry.tenant())
                .put("actor", entry.actor())
                .put("role", entry.role())
                .put("request_id", entry.requestId())
                .put("action", entry.action())
                .put("entry", entry.entry())
                .put("version", entry.version());
        ObjectNode before = entry.before();
        ObjectNode after = entry.after();
        view.set("before", before == null ? null : redacted(before));
        view.set("after", after == null ? null : redacted(after));
        return view;
    }

    static ArrayNode array() {
        return CatalogJson.MAPPER.createArrayNode();
    }

    /** A provider's JSON without {@code credential_env}, with {@code credential_configured}; others unchanged. */
    private static ObjectNode redacted(ObjectNode json) {
        ObjectNode copy = json.deepCopy();
        if (copy.has(CREDENTIAL_ENV)) {
            JsonNode credential = copy.remove(CREDENTIAL_ENV);
            copy.put("credential_configured", credential != null && !credential.isNull());
        }
        return copy;
    }
}
