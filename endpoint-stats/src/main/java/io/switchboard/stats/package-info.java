/**
 * The format of the live endpoint statistics routing-service keeps in Redis, and the one way to read it: the contract
 * between routing-service (every replica writes, and reads back for {@code provider.sort}) and catalog-service (reads
 * for {@code GET /api/v1/models/{author}/{slug}/endpoints}). Both sides use this package, so they cannot drift: the
 * names ({@link StatsFields}, {@link BreakerFields}), the buckets ({@link Histogram}), what one attempt adds
 * ({@link StatsIncrements}) and how a window's figures are derived ({@link WindowCounts}, {@link EndpointFigures}).
 * docs/contracts.md ("Endpoint statistics") points here.
 *
 * <h2>{@code routing:stats:{endpointId}} (hash)</h2>
 *
 * Every field is a decimal integer counter, prefixed with the epoch minute it belongs to
 * ({@code floor(unix millis / 60000)}): {@code <minute>:<name>}. Every replica adds to the same fields with
 * {@code HINCRBY}, so a field is the sum over all replicas and a window is a set of minutes. Minutes older than the
 * writers' window (30 minutes by default) are deleted by the writers; the key expires 35 minutes after its last write.
 * Readers must ignore minutes outside the window they compute and fields they do not know.
 *
 * <table>
 * <caption>fields of one minute</caption>
 * <tr><th>field</th><th>meaning</th></tr>
 * <tr><td>{@code <m>:requests}</td><td>attempts on the endpoint that ended in minute m: served, failed, or refused
 * as the request's fault (4xx). Calls never made (breaker open, {@code Retry-After}) and clients leaving before the
 * first byte do not count.</td></tr>
 * <tr><td>{@code <m>:errors}</td><td>of those, the provider's failures: connection errors, timeouts, 5xx, 429, an
 * invalid response, or a stream that broke after it started.</td></tr>
 * <tr><td>{@code <m>:ttft:<le>}</td><td>served attempts whose time to first byte (from sending the request to the
 * first streamed chunk, or to the whole response when not streamed), in milliseconds, was at most {@code le} and
 * above the previous bound. Bounds: 100, 250, 500, 750, 1000, 1500, 2000, 3000, 5000, 7500, 10000, 15000, 30000,
 * 60000, {@code inf}. Per-bucket counts, not cumulative.</td></tr>
 * <tr><td>{@code <m>:ttft_sum_ms}</td><td>the sum of those times, for a mean.</td></tr>
 * <tr><td>{@code <m>:tps:<le>}</td><td>streamed generations that completed with more than one completion token, by
 * throughput: completion tokens per second from the first to the last chunk. Bounds: 5, 10, 20, 30, 40, 50, 75,
 * 100, 150, 200, 300, 500, 1000, {@code inf}. Per-bucket counts.</td></tr>
 * <tr><td>{@code <m>:tokens}</td><td>completion tokens of those generations.</td></tr>
 * <tr><td>{@code <m>:generation_ms}</td><td>their summed time from first to last chunk.</td></tr>
 * </table>
 *
 * <h2>OpenRouter's figures</h2>
 *
 * Over the last N minutes at instant {@code now}, the minutes {@code floor(now / 60000) − N + 1} to
 * {@code floor(now / 60000)} are summed (the current, partial minute included; later minutes, from a writer whose
 * clock runs ahead, are not yet counted). {@link EndpointFigures#of} computes, for N = 5 and N = 30:
 * <ul>
 * <li>{@code uptime = 100 × (Σrequests − Σerrors) / Σrequests}, absent without requests (kept within 0..100: a
 * reader may see a flush half written);</li>
 * <li>{@code latency.pXX}: the XXth percentile of the summed {@code ttft} buckets, interpolated linearly within a
 * bucket (a percentile in {@code inf} reads as 60000); absent without served attempts;</li>
 * <li>{@code throughput.pXX}: likewise from the {@code tps} buckets, but the (100−XX)th percentile, since
 * OpenRouter's throughput percentiles describe the slow tail (p99 is the lowest); absent without generations.</li>
 * </ul>
 * {@link Histogram#quantile} is the reference implementation of a percentile.
 *
 * <h2>{@code routing:breaker:{endpointId}} (hash)</h2>
 *
 * The last circuit-breaker transition any routing replica made; each replica keeps its own Resilience4j breaker, and
 * this shared copy makes the others try the endpoint last while it is open. Expires a day after the last transition.
 *
 * <table>
 * <caption>fields</caption>
 * <tr><th>field</th><th>meaning</th></tr>
 * <tr><td>{@code state}</td><td>{@code CLOSED}, {@code OPEN}, {@code HALF_OPEN} (or Resilience4j's
 * {@code FORCED_OPEN}, {@code DISABLED}, {@code METRICS_ONLY})</td></tr>
 * <tr><td>{@code since}</td><td>unix millis of the transition</td></tr>
 * <tr><td>{@code replica}</td><td>the replica that made it</td></tr>
 * <tr><td>{@code opened_at}</td><td>unix millis of the last transition to {@code OPEN}</td></tr>
 * </table>
 */
@NullMarked
package io.switchboard.stats;

import org.jspecify.annotations.NullMarked;
