package io.switchboard.kit.tracing;

import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanExportingPredicate;

/**
 * Keeps Redis commands that belong to no request out of the exported traces: Lettuce traces every command, and the
 * background ones (catalog-service polling its revision, routing flushing statistics, billing applying events outside
 * a trace) would each be a trace of their own, several a second, burying the requests. Commands made within a
 * request, or within a usage event's consumer span, are children of that span and exported with it.
 */
public final class BackgroundRedisSpans implements SpanExportingPredicate {

    private static final String ROOT = "0000000000000000";

    @Override
    public boolean isExportable(FinishedSpan span) {
        String parent = span.getParentId();
        boolean root = parent == null || parent.isEmpty() || ROOT.equals(parent);
        return !(root && "redis".equals(span.getTags().get("db.system")));
    }
}
