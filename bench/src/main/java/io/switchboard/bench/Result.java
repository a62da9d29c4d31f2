package io.switchboard.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * One target measured in one scenario's window.
 *
 * @param seconds length of the measured window
 * @param ok requests (or streams) completed successfully in the window
 * @param errors failed ones: a status other than 200, a stream without {@code [DONE]}, a transport error
 * @param latency request latency (to the end of the body) in microseconds; open model: from the intended send time
 * @param ttft time to the first SSE {@code data:} line in microseconds, streams only
 * @param cpuNanos CPU time each watched process used during the window
 * @param rssBytes resident memory of each watched process at the end of the window
 */
record Result(String scenario, Target target, double seconds, long ok, long errors, Histogram latency,
        @Nullable Histogram ttft, Map<String, Long> cpuNanos, Map<String, Long> rssBytes) {

    double throughput() {
        return ok / seconds;
    }

    /** CPU microseconds per successful request spent in the target's own processes (not the simulator). */
    double proxyCpuMicrosPerRequest() {
        return ok == 0
                ? Double.NaN
                : target.proxies().stream().mapToLong(p -> cpuNanos.getOrDefault(p, 0L)).sum()
                        / 1000.0 / ok;
    }

    double cpuMicrosPerRequest(String process) {
        return ok == 0 ? Double.NaN : cpuNanos.getOrDefault(process, 0L) / 1000.0 / ok;
    }

    /** Latency percentile in milliseconds. */
    double latencyMillis(double percentile) {
        return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    double ttftMillis(double percentile) {
        return ttft == null || ttft.getTotalCount() == 0 ? Double.NaN : ttft.getValueAtPercentile(percentile) / 1000.0;
    }
}
