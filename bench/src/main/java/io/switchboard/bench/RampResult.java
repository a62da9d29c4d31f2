package io.switchboard.bench;

import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The open-streams ramp of one target.
 *
 * @param requested streams the ramp opened
 * @param open streams that had received their first chunk and were still open when memory was measured
 * @param errors streams that failed or ended before the harness closed them
 * @param ttft time to first chunk of the slow streams, microseconds
 * @param heapBefore live heap (after a full GC) of each of the target's JVMs before the ramp
 * @param heapAtPeak the same with every stream open
 * @param rssBefore resident memory of each of the target's processes before the ramp, bytes
 * @param rssAtPeak the same with every stream open
 */
record RampResult(Target target, int requested, long open, long errors, Histogram ttft,
        Map<String, ProcessMeter.Heap> heapBefore, Map<String, ProcessMeter.Heap> heapAtPeak,
        Map<String, Long> rssBefore, Map<String, Long> rssAtPeak) {

    /** Bytes of live heap per open stream in one JVM; NaN when not measured. */
    double heapPerStream(String process) {
        ProcessMeter.Heap before = heapBefore.get(process);
        ProcessMeter.Heap after = heapAtPeak.get(process);
        return before == null || after == null || before.totalBytes() < 0 || after.totalBytes() < 0 || open == 0
                ? Double.NaN
                : (after.totalBytes() - before.totalBytes()) / (double) open;
    }

    /** The classes whose live bytes grew most per open stream in one JVM, largest first. */
    List<Map.Entry<String, Double>> topGrowth(String process, int count) {
        ProcessMeter.Heap before = heapBefore.get(process);
        ProcessMeter.Heap after = heapAtPeak.get(process);
        if (before == null || after == null || open == 0) {
            return List.of();
        }
        return after.bytesByClass()
                .entrySet()
                .stream()
                .map(e -> Map.entry(e.getKey(),
                        (e.getValue() - before.bytesByClass().getOrDefault(e.getKey(), 0L)) / (double) open))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(count)
                .toList();
    }

    double rssPerStream(String process) {
        Long before = rssBefore.get(process);
        Long after = rssAtPeak.get(process);
        return before == null || after == null || open == 0 ? Double.NaN : (after - before) / (double) open;
    }
}
