package io.switchboard.bench;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The open-streams ramp of one target.
 *
 * @param requested streams the ramp opened
 * @param open streams that had received their first chunk and were still open when memory was measured
 * @param errors streams that failed or ended before the harness closed them
 * @param ttft time to first chunk of the slow streams, microseconds
 * @param heapBefore live heap (after a full GC) of each of the target's JVMs before the ramp, bytes
 * @param heapAtPeak the same with every stream open
 * @param rssBefore resident memory of each of the target's processes before the ramp
 * @param rssAtPeak the same with every stream open
 */
record RampResult(Target target, int requested, long open, long errors, Histogram ttft, Map<String, Long> heapBefore,
        Map<String, Long> heapAtPeak, Map<String, Long> rssBefore, Map<String, Long> rssAtPeak) {

    /** Bytes of live heap per open stream in one JVM; NaN when not measured. */
    double heapPerStream(String process) {
        Long before = heapBefore.get(process);
        Long after = heapAtPeak.get(process);
        return before == null || after == null || before < 0 || after < 0 || open == 0
                ? Double.NaN
                : (after - before) / (double) open;
    }

    double rssPerStream(String process) {
        Long before = rssBefore.get(process);
        Long after = rssAtPeak.get(process);
        return before == null || after == null || open == 0 ? Double.NaN : (after - before) / (double) open;
    }
}
