package io.switchboard.catalog.source;

/**
 * One catalog entry by kind and id: {@code provider acme}, {@code model acme/small}, {@code endpoint
 * acme:acme/small}. Written {@code <kind>:<id>} (the first colon separates them; endpoint ids contain another).
 */
public record EntityRef(EntityKind kind, String id) {

    public static EntityRef provider(String slug) {
        return new EntityRef(EntityKind.PROVIDER, slug);
    }

    public static EntityRef model(String id) {
        return new EntityRef(EntityKind.MODEL, id);
    }

    public static EntityRef endpoint(String id) {
        return new EntityRef(EntityKind.ENDPOINT, id);
    }

    /** Reads {@link #toString()}'s form back. */
    public static EntityRef parse(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("Not a catalog entry reference: '" + text + "'");
        }
        return new EntityRef(EntityKind.ofSingular(text.substring(0, colon)), text.substring(colon + 1));
    }

    /** Where problems about this entry start: {@code providers[acme]}. */
    public String path() {
        return kind.list() + "[" + id + "]";
    }

    @Override
    public String toString() {
        return kind.singular() + ":" + id;
    }
}
