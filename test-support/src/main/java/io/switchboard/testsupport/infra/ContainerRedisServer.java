package io.switchboard.testsupport.infra;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** Redis in a container; outages are simulated by pausing it, which keeps its mapped port. */
final class ContainerRedisServer implements RedisServer {

    private final GenericContainer<?> container;
    private final ContainerPause pause;

    ContainerRedisServer() {
        container = new GenericContainer<>(DockerImageName.parse("redis:7.4-alpine")).withExposedPorts(6379);
        container.start();
        pause = new ContainerPause(container);
    }

    @Override
    public String host() {
        return container.getHost();
    }

    @Override
    public int port() {
        return container.getMappedPort(6379);
    }

    @Override
    public void stop() {
        pause.pause();
    }

    @Override
    public void start() {
        pause.resume();
    }

    @Override
    public void close() {
        container.stop();
    }
}
