package io.switchboard.gateway.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's adaptive buffer allocator takes a write lock for a few instructions when it grows its magazines, which
 * BlockHound reports as a blocking call whenever it happens to be contended: the library's own design for event-loop
 * use, so it is allowed here. (Lettuce's {@code SharedLock} is allowed for every test JVM by test-support's
 * {@code LettuceBlockHoundIntegration}.)
 */
public class LibraryLocksIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
    }
}
