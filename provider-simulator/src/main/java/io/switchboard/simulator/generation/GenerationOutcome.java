package io.switchboard.simulator.generation;

/**
 * How one generation ended, published by {@link GenerationMonitor}.
 *
 * @param id the response id the format gave the generation
 * @param status completed, or cancelled because the client went away
 * @param tokensPlanned reply tokens the plan had
 * @param tokensEmitted reply tokens handed to the client before the end
 */
public record GenerationOutcome(String id, Status status, int tokensPlanned, int tokensEmitted) {

    public enum Status {
        COMPLETED, CANCELLED, FAILED
    }
}
