package io.switchboard.testsupport.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * Outages of a container: pausing freezes it without giving up its mapped ports or data, so {@link #resume()} brings
 * back the same address, as the outage tests need.
 */
final class ContainerPause {

    private final GenericContainer<?> container;
    private boolean paused;

    ContainerPause(GenericContainer<?> container) {
        this.container = container;
    }

    synchronized void pause() {
        if (!paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    synchronized void resume() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }
}
