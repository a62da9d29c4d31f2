package io.switchboard.simulator.fault;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The faults set per endpoint prefix ({@code mistral} for {@code /mistral/v1/...}), changed at run time by the admin
 * API. Thread-safe.
 */
public final class FaultRegistry {

    /**
     * @param fault the fault
     * @param remaining requests it still applies to, null for every request until cleared
     */
    public record Entry(Fault fault, @Nullable Integer remaining) {
    }

    private final Map<String, Entry> faults = new ConcurrentHashMap<>();

    /** Sets the prefix's fault, replacing any. */
    public void set(String prefix, FaultSpec spec) {
        faults.put(prefix, new Entry(spec.toFault(), spec.times()));
    }

    public void clear(String prefix) {
        faults.remove(prefix);
    }

    public void clearAll() {
        faults.clear();
    }

    /**
     * The fault for a request: its own, if it asked for one; else the prefix's, counting one use of it.
     *
     * @param prefix the endpoint prefix the request came to
     * @param requested the request's {@code simulator.fault}, null if none
     */
    public Optional<Fault> resolve(String prefix, @Nullable FaultSpec requested) {
        if (requested != null) {
            return Optional.of(requested.toFault());
        }
        Entry[] taken = new Entry[1];
        faults.computeIfPresent(prefix, (key, entry) -> {
            taken[0] = entry;
            if (entry.remaining() == null) {
                return entry;
            }
            return entry.remaining() > 1 ? new Entry(entry.fault(), entry.remaining() - 1) : null;
        });
        return Optional.ofNullable(taken[0]).map(Entry::fault);
    }

    /** Every prefix's fault, for {@code GET /_simulator/faults}. */
    public Map<String, Entry> all() {
        return new TreeMap<>(faults);
    }
}
