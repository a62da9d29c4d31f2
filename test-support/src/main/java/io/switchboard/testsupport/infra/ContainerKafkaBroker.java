package io.switchboard.testsupport.infra;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/** A KRaft broker in a container; outages are simulated by pausing it, which keeps its address and data. */
final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;
    private boolean paused;

    ContainerKafkaBroker() {
        container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }

    @Override
    public void close() {
        container.stop();
    }
}
