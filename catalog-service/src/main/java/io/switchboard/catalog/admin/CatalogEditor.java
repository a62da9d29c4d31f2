package io.switchboard.catalog.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.source.CatalogComposer;
import io.switchboard.catalog.source.CatalogFile;
import io.switchboard.catalog.source.CatalogJson;
import io.switchboard.catalog.source.CatalogOverlay;
import io.switchboard.catalog.source.Composition;
import io.switchboard.catalog.source.EntityRef;
import io.switchboard.catalog.state.AuditEvent;
import io.switchboard.catalog.state.CatalogRepository;
import io.switchboard.catalog.store.CatalogStore;
import io.switchboard.kit.error.ApiException;
import io.switchboard.kit.identity.InternalIdentity;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies an operator's edit: reads the catalog file and the edits from Redis, lays the new edit over them, validates
 * the whole catalog by the file's rules, and commits the edit, the composed catalog and its audit entry in one step
 * that fails if another edit committed meanwhile (then it starts again from that one). The replica that took the edit
 * installs the result at once; the others hear of it through Redis.
 */
public class CatalogEditor {

    private static final Logger log = LoggerFactory.getLogger(CatalogEditor.class);

    /**
     * The outcome of an edit.
     *
     * @param revision the catalog's revision after it
     * @param catalog the catalog after it
     * @param entry the entry after it, or null when a revert removed it
     * @param current the catalog after it with where its entries come from
     */
    public record Edited(long revision, CatalogSnapshot catalog, @Nullable Object entry, Current current) {
    }

    /**
     * The catalog as read for one request, with where its entries come from.
     *
     * @param fromFile the entries the installed catalog file has
     * @param edited the entries the operator's edits touch
     */
    record Current(long revision, CatalogSnapshot catalog, Set<EntityRef> fromFile, Set<EntityRef> edited) {
    }

    private final CatalogRepository repository;
    private final CatalogStore store;
    private final Clock clock;
    private final int attempts;
    private final MeterRegistry meters;

    public CatalogEditor(CatalogRepository repository, CatalogStore store, Clock clock, int attempts,
            MeterRegistry meters) {
        this.repository = repository;
        this.store = store;
        this.clock = clock;
        this.attempts = attempts;
        this.meters = meters;
    }

    /** The catalog with its edits as Redis holds it now. */
    Mono<Current> current() {
        return repository.state()
                .map(state -> current(state.revision(), compose(state, state.overlay()), baseline(state),
                        state.overlay()));
    }

    private static Current current(long revision, CatalogSnapshot catalog, CatalogFile file, CatalogOverlay overlay) {
        Set<EntityRef> fromFile = new HashSet<>();
        file.providers().forEach(p -> fromFile.add(EntityRef.provider(p.slug())));
        file.models().forEach(m -> fromFile.add(EntityRef.model(m.id())));
        file.endpoints().forEach(e -> fromFile.add(EntityRef.endpoint(e.id())));
        return new Current(revision, catalog, fromFile, overlay.patches().keySet());
    }

    Mono<Edited> apply(InternalIdentity operator, CatalogEdit edit) {
        return attempt(operator, edit, 1);
    }

    private Mono<Edited> attempt(InternalIdentity operator, CatalogEdit edit, int attempt) {
        return repository.state().flatMap(state -> {
            CatalogSnapshot before = compose(state, state.overlay());
            EntityRef ref = edit.ref();
            Optional<Object> entryBefore = CatalogEntries.find(before, ref);
            Optional<CatalogOverlay> overlay = edited(state.overlay(), edit,
                    entryBefore.map(CatalogComposer::toJson).orElse(null));
            if (overlay.isEmpty()) {
                // Nothing to change (disabling what is disabled): answer with the entry as it is, audit nothing.
                return Mono.just(new Edited(state.revision(), before, entryBefore.orElse(null),
                        current(state.revision(), before, baseline(state), state.overlay())));
            }
            Composition composition = CatalogComposer.compose(baseline(state), overlay.get());
            if (composition instanceof Composition.Invalid(List<String> problems)) {
                return Mono.error(new ApiException(HttpStatus.BAD_REQUEST, String.join("; ", problems),
                        Map.of("problems", problems)));
            }
            CatalogSnapshot after = ((Composition.Valid) composition).snapshot();
            Object entryAfter = CatalogEntries.find(after, ref).orElse(null);
            AuditEvent audit = new AuditEvent(clock.instant(), operator, edit.action(), ref.toString(),
                    entryBefore.map(CatalogComposer::toJson).orElse(null),
                    entryAfter == null ? null : CatalogComposer.toJson(entryAfter), after.version());
            return repository
                    .commit(new CatalogRepository.Commit(state.revision(), after, null, ref,
                            overlay.get().patch(ref).orElse(null), audit))
                    .map(revision -> {
                        store.offer(revision, after);
                        Counter.builder("switchboard.catalog.edits")
                                .description("Operator edits committed to the shared catalog, by action")
                                .tag("action", edit.action())
                                .register(meters)
                                .increment();
                        log.info("Catalog {} of {} by {} (tenant {}, request {}): revision {}, version {}",
                                edit.action(), ref, operator.keyId(), operator.tenantId(), operator.requestId(),
                                revision, after.version());
                        return new Edited(revision, after, entryAfter,
                                current(revision, after, baseline(state), overlay.get()));
                    })
                    .switchIfEmpty(Mono.defer(() -> attempt < attempts
                            ? attempt(operator, edit, attempt + 1)
                            : Mono.error(new ApiException(HttpStatus.CONFLICT,
                                    "The catalog kept changing while this edit was applied; try again"))));
        });
    }

    /** The edits after {@code edit}; empty when it changes nothing. Refuses edits that do not fit the entry's state. */
    private static Optional<CatalogOverlay> edited(CatalogOverlay overlay, CatalogEdit edit,
            @Nullable ObjectNode entry) {
        EntityRef ref = edit.ref();
        boolean exists = entry != null;
        return switch (edit) {
            case CatalogEdit.Create create -> {
                if (exists) {
                    throw new ApiException(HttpStatus.CONFLICT, ref.path() + " already exists; change it with PATCH");
                }
                yield Optional.of(overlay.with(ref, create.entry()));
            }
            case CatalogEdit.Update update -> {
                requireExists(ref, exists);
                yield Optional.of(overlay.with(ref, update.patch()));
            }
            case CatalogEdit.SetDisabled disable -> {
                requireExists(ref, exists);
                if (entry.path("disabled").asBoolean() == disable.disabled()) {
                    yield Optional.empty();
                }
                yield Optional.of(overlay.with(ref, CatalogJson.MAPPER.createObjectNode()
                        .put("disabled", disable.disabled())));
            }
            case CatalogEdit.Revert revert -> {
                if (overlay.patch(ref).isEmpty()) {
                    throw ApiException.notFound(ref.path() + " has no operator edits to revert");
                }
                yield Optional.of(overlay.without(ref));
            }
        };
    }

    private static void requireExists(EntityRef ref, boolean exists) {
        if (!exists) {
            throw ApiException.notFound("No " + ref.kind().singular() + " '" + ref.id() + "' in the catalog");
        }
    }

    private static CatalogSnapshot compose(CatalogRepository.State state, CatalogOverlay overlay) {
        return switch (CatalogComposer.compose(baseline(state), overlay)) {
            case Composition.Valid valid -> valid.snapshot();
            case Composition.Invalid invalid -> {
                // Only a newer replica's rules could have accepted this; edits must wait until all run the same.
                log.error("The catalog stored in Redis (revision {}) does not pass this replica's validation:\n\t{}",
                        state.revision(), String.join("\n\t", invalid.problems()));
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The stored catalog cannot be edited by this replica now; try again later");
            }
        };
    }

    private static CatalogFile baseline(CatalogRepository.State state) {
        CatalogFile baseline = state.baseline();
        if (baseline == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The catalog is not initialised yet");
        }
        return baseline;
    }
}
