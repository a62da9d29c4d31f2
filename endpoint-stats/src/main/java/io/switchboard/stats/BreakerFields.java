package io.switchboard.stats;

/**
 * Names of the shared breaker hash {@code routing:breaker:{endpointId}} and of its fields (see the package
 * documentation).
 */
public final class BreakerFields {

    /** The key of an endpoint's shared breaker state is this followed by the endpoint id. */
    public static final String KEY_PREFIX = "routing:breaker:";
    public static final String STATE = "state";
    public static final String SINCE = "since";
    public static final String REPLICA = "replica";
    public static final String OPENED_AT = "opened_at";

    private BreakerFields() {
    }

    public static String breakerKey(String endpointId) {
        return KEY_PREFIX + endpointId;
    }
}
