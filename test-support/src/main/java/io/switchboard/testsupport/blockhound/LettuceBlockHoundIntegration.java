package io.switchboard.testsupport.blockhound;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lettuce 6.8 guards every command written to a shared connection with a {@code ReentrantLock} ({@code SharedLock}):
 * when two threads write at the same moment, one waits for the other's few microseconds. That is a lock hand-over, not
 * blocking I/O, but BlockHound reports the park, and its error thrown from inside the lock leaves Lettuce's writer
 * count corrupt, so that the connection later spins for ever on close (lettuce#3880). Allowed here, in every test JVM.
 */
public final class LettuceBlockHoundIntegration implements BlockHoundIntegration {

    private static final String SHARED_LOCK = "io.lettuce.core.protocol.SharedLock";

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside(SHARED_LOCK, "incrementWriters")
                .allowBlockingCallsInside(SHARED_LOCK, "decrementWriters")
                .allowBlockingCallsInside(SHARED_LOCK, "doExclusive")
                .allowBlockingCallsInside(SHARED_LOCK, "lockWritersExclusive");
    }
}
