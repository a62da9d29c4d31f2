package io.switchboard.simulator.fault;

/**
 * Ends a response with an error after it was committed, which makes the server close the connection without
 * finishing the response: what a client sees when a provider's connection drops mid-stream. No stack trace: it is
 * expected, and logged by the web server as the failed response it is.
 */
public final class SimulatedDisconnect extends RuntimeException {

    public SimulatedDisconnect() {
        super("Simulated provider disconnect", null, false, false);
    }
}
