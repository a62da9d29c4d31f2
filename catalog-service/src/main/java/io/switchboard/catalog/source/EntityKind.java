package io.switchboard.catalog.source;

import io.switchboard.catalog.api.Endpoint;
import io.switchboard.catalog.api.Model;
import io.switchboard.catalog.api.Provider;

/** The three kinds of catalog entry, with the list each lives in and the field that identifies it. */
public enum EntityKind {
    PROVIDER("provider", "providers", "slug", Provider.class), MODEL("model", "models", "id",
            Model.class), ENDPOINT("endpoint", "endpoints", "id", Endpoint.class);

    private final String singular;
    private final String list;
    private final String idField;
    private final Class<?> type;

    EntityKind(String singular, String list, String idField, Class<?> type) {
        this.singular = singular;
        this.list = list;
        this.idField = idField;
        this.type = type;
    }

    /** {@code provider}, {@code model}, {@code endpoint}: how the audit log and Redis fields name the kind. */
    public String singular() {
        return singular;
    }

    /** {@code providers}, ...: the catalog's list of this kind, also the start of a problem's path. */
    public String list() {
        return list;
    }

    /** The field of an entry that identifies it: {@code slug} for providers, {@code id} otherwise. */
    public String idField() {
        return idField;
    }

    Class<?> type() {
        return type;
    }

    public static EntityKind ofSingular(String singular) {
        for (EntityKind kind : values()) {
            if (kind.singular.equals(singular)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown catalog entry kind '" + singular + "'");
    }
}
