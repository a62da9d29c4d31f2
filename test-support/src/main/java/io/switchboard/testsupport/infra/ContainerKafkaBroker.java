package io.switchboard.testsupport.infra;

import org.testcontainers.kafka.KafkaContainer;

/** A KRaft broker in a container; outages are simulated by pausing it, which keeps its address and data. */
final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;
    private final ContainerPause pause;

    ContainerKafkaBroker() {
        container = new KafkaContainer("apache/kafka:4.1.2");
        container.start();
        pause = new ContainerPause(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
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
