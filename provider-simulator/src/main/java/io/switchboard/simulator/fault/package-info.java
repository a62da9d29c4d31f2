/**
 * Fault injection and traffic observation for tests, in no wire format's terms: what can go wrong with a provider
 * ({@link Fault}), chosen per endpoint prefix at run time ({@link FaultRegistry}, {@code PUT /_simulator/faults/{prefix}})
 * or per request ({@code "simulator": {"fault": {...}}}), applied to a generation by {@link StreamFaults}; and what
 * each prefix received ({@link TrafficStats}, {@code GET /_simulator/stats/{prefix}}), so a test can prove an
 * upstream connection was closed. Each wire format renders an {@link Fault.HttpError} in its own error shape.
 */
@NullMarked
package io.switchboard.simulator.fault;

import org.jspecify.annotations.NullMarked;
