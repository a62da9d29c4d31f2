package io.switchboard.gateway.support;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Netty 4.2's adaptive buffer allocator takes a write lock for a few instructions when it grows its magazines under
 * contention; BlockHound sees the lock and reports a blocking call on an event loop, at random, in whatever test
 * happens to allocate then. That lock is Netty's own design for event-loop use, so it is allowed here.
 */
public class NettyAllocatorIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("io.netty.buffer.AdaptivePoolingAllocator$MagazineGroup",
                "tryExpandMagazines");
    }
}
