package io.switchboard.catalog.state;

import io.switchboard.catalog.api.CatalogSnapshot;
import io.switchboard.catalog.source.CatalogFile;
import io.switchboard.catalog.source.CatalogJson;
import io.switchboard.catalog.source.CatalogOverlay;
import io.switchboard.catalog.source.EntityRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The catalog's keys in Redis ({@link CatalogRedisProperties} names them). Every change is one script that checks the
 * revision it was computed from, writes the edit, the baseline and the composed catalog, counts the revision up,
 * appends the audit entry and announces the revision: all or nothing, and never over a change it did not see.
 */
public class CatalogRepository {

    /**
     * Everything an edit is computed from, read in one step.
     *
     * @param revision commits so far (0: nothing stored yet)
     * @param baseline the catalog file last installed, or null if none
     * @param overlay the operator's edits
     */
    public record State(long revision, @Nullable CatalogFile baseline, CatalogOverlay overlay) {
    }

    /** The composed catalog and the revision it belongs to. */
    public record Stored(long revision, CatalogSnapshot snapshot) {
    }

    /**
     * One change to write.
     *
     * @param expectedRevision the revision the change was computed from; the commit fails if Redis moved on
     * @param snapshot the composed catalog after the change
     * @param baseline a new catalog file to install, or null to keep the installed one
     * @param edited the entry whose edit changes, or null
     * @param patch its new edit, or null to remove its edit (only with {@code edited})
     * @param audit what the audit log says about it
     */
    public record Commit(long expectedRevision, CatalogSnapshot snapshot, @Nullable CatalogFile baseline,
            @Nullable EntityRef edited, @Nullable ObjectNode patch, AuditEvent audit) {
    }

    /** Atomically: the revision, the baseline and every edit, flattened (field, value, field, value...). */
    private static final RedisScript<List> READ_STATE = RedisScript.of("""
            local result = {redis.call('GET', KEYS[1]) or '0', redis.call('GET', KEYS[2]) or ''}
            local overlay = redis.call('HGETALL', KEYS[3])
            for i = 1, #overlay do result[#result + 1] = overlay[i] end
            return result
            """, List.class);

    /**
     * KEYS: revision, snapshot, overlay, baseline, audit. ARGV: expected revision, snapshot, overlay field ('' for
     * none), overlay value ('' to delete the field), baseline ('' to keep it), channel, then audit field-value pairs.
     * Returns the new revision, or -1 when the expected revision is not the current one.
     */
    private static final RedisScript<Long> COMMIT = RedisScript.of("""
            local current = tonumber(redis.call('GET', KEYS[1]) or '0')
            if current ~= tonumber(ARGV[1]) then
              return -1
            end
            if ARGV[3] ~= '' then
              if ARGV[4] == '' then
                redis.call('HDEL', KEYS[3], ARGV[3])
              else
                redis.call('HSET', KEYS[3], ARGV[3], ARGV[4])
              end
            end
            if ARGV[5] ~= '' then
              redis.call('SET', KEYS[4], ARGV[5])
            end
            redis.call('SET', KEYS[2], ARGV[2])
            local revision = redis.call('INCR', KEYS[1])
            local entry = {'revision', tostring(revision)}
            for i = 7, #ARGV do
              entry[#entry + 1] = ARGV[i]
            end
            redis.call('XADD', KEYS[5], '*', unpack(entry))
            redis.call('PUBLISH', ARGV[6], tostring(revision))
            return revision
            """, Long.class);

    // What another version of catalog-service wrote may carry fields this one does not know; it was validated there.
    private static final ObjectReader LENIENT = CatalogJson.MAPPER.reader()
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ReactiveStringRedisTemplate redis;
    private final ReactiveRedisMessageListenerContainer listener;
    private final CatalogRedisProperties keys;

    public CatalogRepository(ReactiveStringRedisTemplate redis, ReactiveRedisMessageListenerContainer listener,
            CatalogRedisProperties keys) {
        this.redis = redis;
        this.listener = listener;
        this.keys = keys;
    }

    public Mono<State> state() {
        return redis.execute(READ_STATE, List.of(keys.revisionKey(), keys.baselineKey(), keys.overlayKey()), List.of())
                .next()
                .map(CatalogRepository::toState);
    }

    private static State toState(List<?> values) {
        long revision = Long.parseLong(String.valueOf(values.get(0)));
        String baseline = String.valueOf(values.get(1));
        Map<EntityRef, ObjectNode> patches = new LinkedHashMap<>();
        for (int i = 2; i + 1 < values.size(); i += 2) {
            patches.put(EntityRef.parse(String.valueOf(values.get(i))),
                    (ObjectNode) CatalogJson.MAPPER.readTree(String.valueOf(values.get(i + 1))));
        }
        return new State(revision,
                baseline.isEmpty() ? null : LENIENT.forType(CatalogFile.class).readValue(baseline),
                new CatalogOverlay(patches));
    }

    /** The revision in Redis; 0 when nothing is stored. */
    public Mono<Long> revision() {
        return redis.opsForValue().get(keys.revisionKey()).map(Long::parseLong).defaultIfEmpty(0L);
    }

    /** The composed catalog with its revision, read together; empty when nothing is stored. */
    public Mono<Stored> stored() {
        return redis.opsForValue().multiGet(List.of(keys.revisionKey(), keys.snapshotKey())).flatMap(values -> {
            String revision = values.get(0);
            String snapshot = values.get(1);
            if (revision == null || snapshot == null) {
                return Mono.empty();
            }
            return Mono.just(new Stored(Long.parseLong(revision),
                    LENIENT.forType(CatalogSnapshot.class).readValue(snapshot)));
        });
    }

    /** Writes {@code commit}; the new revision, or empty when another change committed first. */
    public Mono<Long> commit(Commit commit) {
        List<String> args = new ArrayList<>();
        args.add(Long.toString(commit.expectedRevision()));
        args.add(CatalogJson.MAPPER.writeValueAsString(commit.snapshot()));
        EntityRef edited = commit.edited();
        ObjectNode patch = commit.patch();
        args.add(edited == null ? "" : edited.toString());
        args.add(patch == null ? "" : patch.toString());
        CatalogFile baseline = commit.baseline();
        args.add(baseline == null ? "" : CatalogJson.MAPPER.writeValueAsString(baseline));
        args.add(keys.changesChannel());
        args.addAll(commit.audit().fields());
        return redis.execute(COMMIT, List.of(keys.revisionKey(), keys.snapshotKey(), keys.overlayKey(),
                keys.baselineKey(), keys.auditKey()), args).next().filter(revision -> revision >= 0);
    }

    /** The revisions other replicas announce as they commit. Messages sent while disconnected are lost. */
    public Flux<Long> announcements() {
        return listener.receive(ChannelTopic.of(keys.changesChannel()))
                .map(message -> Long.parseLong(
                        message.getMessage()));
    }

    /** Up to {@code limit} audit entries, newest first, older than the entry {@code before} if given. */
    public Flux<AuditEntry> audit(int limit, @Nullable String before) {
        Range<String> range = before == null
                ? Range.unbounded()
                : Range.of(Range.Bound.unbounded(), Range.Bound.exclusive(before));
        return redis.<String, String>opsForStream()
                .reverseRange(keys.auditKey(), range, Limit.limit().count(limit))
                .map(record -> AuditEntry.of(record.getId().getValue(), record.getValue()));
    }
}
