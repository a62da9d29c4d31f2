package io.switchboard.billing.ingest;

/**
 * A record that can never be applied (not a valid event of its topic). Retrying it would hold its partition, and so
 * every later event of the tenants on that partition, forever; it is logged with its position and skipped instead.
 */
public final class RejectedRecordException extends RuntimeException {

    private final String reason;

    /**
     * @param reason a short, fixed label for metrics ({@code malformed}, {@code invalid})
     * @param message what is wrong, for the log; never includes secrets
     */
    public RejectedRecordException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
