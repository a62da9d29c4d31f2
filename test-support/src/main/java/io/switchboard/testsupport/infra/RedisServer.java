package io.switchboard.testsupport.infra;

/** A real Redis server for tests and the local stack; {@link #stop()} and {@link #start()} keep its address. */
public interface RedisServer extends AutoCloseable {

    String host();

    int port();

    default String url() {
        return "redis://" + host() + ":" + port();
    }

    /** Makes the server unreachable (to test outages); its address stays reserved for {@link #start()}. */
    void stop();

    /** Brings a stopped server back on the same address. */
    void start();

    @Override
    void close();
}
