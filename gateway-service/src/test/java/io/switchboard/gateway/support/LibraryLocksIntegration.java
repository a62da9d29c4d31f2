package io.switchboard.gateway.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Short internal locks of the libraries under the event loops, which BlockHound reports as blocking calls at random,
 * whenever they happen to be contended:
 *
 * <ul>
 * <li>Netty 4.2's adaptive buffer allocator takes a write lock for a few instructions when it grows its magazines;
 * </li>
 * <li>Lettuce's {@code SharedLock} guards a connection's command writes, which every event loop sharing the
 * connection makes. Worse than a false report: the error BlockHound throws inside it leaves the lock held, and the
 * next writer spins forever (the test then hangs).</li>
 * </ul>
 *
 * Both are their libraries' own design for event-loop use, so they are allowed here.
 */
public class LibraryLocksIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "incrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "decrementWriters");
        builder.allowBlockingCallsInside("io.lettuce.core.protocol.SharedLock", "doExclusive");
    }
}
