package io.switchboard.catalog.source;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's edits, laid over the catalog file: per entry, a JSON Merge Patch of the fields the operator set. An
 * entry the file does not have is added whole; one it has keeps every field the operator did not touch, so a changed
 * file still shows through wherever no edit covers it. Immutable: the patches are copied in and out.
 */
public final class CatalogOverlay {

    public static final CatalogOverlay EMPTY = new CatalogOverlay(Map.of());

    private final Map<EntityRef, ObjectNode> patches;

    public CatalogOverlay(Map<EntityRef, ObjectNode> patches) {
        // Sorted, so that entries the file lacks are appended in the same order on every replica.
        this.patches = patches.entrySet()
                .stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(EntityRef::kind).thenComparing(EntityRef::id)))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().deepCopy(), (a, b) -> a,
                        LinkedHashMap::new));
    }

    public Optional<ObjectNode> patch(EntityRef ref) {
        ObjectNode patch = patches.get(ref);
        return patch == null ? Optional.empty() : Optional.of(patch.deepCopy());
    }

    /** This overlay with {@code patch} applied to {@code ref} after any edit it already has. */
    public CatalogOverlay with(EntityRef ref, ObjectNode patch) {
        Map<EntityRef, ObjectNode> next = new LinkedHashMap<>(patches);
        ObjectNode earlier = patches.get(ref);
        next.put(ref, earlier == null ? patch : MergePatch.compose(earlier, patch));
        return new CatalogOverlay(next);
    }

    /** This overlay without any edit of {@code ref}: the entry is the file's again, or gone if only edits made it. */
    public CatalogOverlay without(EntityRef ref) {
        Map<EntityRef, ObjectNode> next = new LinkedHashMap<>(patches);
        next.remove(ref);
        return new CatalogOverlay(next);
    }

    /** Every edit, in a stable order (kind, then id). */
    public Map<EntityRef, ObjectNode> patches() {
        Map<EntityRef, ObjectNode> copy = new LinkedHashMap<>();
        patches.forEach((ref, patch) -> copy.put(ref, patch.deepCopy()));
        return copy;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CatalogOverlay overlay && overlay.patches.equals(patches);
    }

    @Override
    public int hashCode() {
        return patches.hashCode();
    }

    @Override
    public String toString() {
        return "CatalogOverlay" + patches;
    }
}
