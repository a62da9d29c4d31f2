package io.switchboard.testsupport.infra;

/** A real KRaft Kafka broker for tests and the local stack; {@link #stop()} and {@link #start()} keep its data. */
public interface KafkaBroker extends AutoCloseable {

    String bootstrapServers();

    /** Makes the broker unreachable (to test outages), keeping its logs for {@link #start()}. */
    void stop();

    /** Brings a stopped broker back on the same address with the same data. */
    void start();

    @Override
    void close();
}
