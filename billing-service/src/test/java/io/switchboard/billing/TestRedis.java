package io.switchboard.billing;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.switchboard.testsupport.infra.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Direct access to one database of the test JVM's Redis, for setting up faults and comparing whole states. Test
 * plumbing, not the code under test: it uses Lettuce's synchronous API on the test thread.
 */
public final class TestRedis implements AutoCloseable {

    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final int database;

    public TestRedis(int database) {
        this.database = database;
        this.client = RedisClient.create(TestInfrastructure.redis().url() + "/" + database);
        this.connection = client.connect();
    }

    /** The URL of this database, for {@code spring.data.redis.url}. */
    public String url() {
        return TestInfrastructure.redis().url() + "/" + database;
    }

    public RedisCommands<String, String> commands() {
        return connection.sync();
    }

    public void flush() {
        commands().flushdb();
    }

    /**
     * Every key of the database with its content, independent of how it was written: hash fields holding "0" and empty
     * keys are left out (a counter moved up and back down equals one never moved), expiries are not compared.
     */
    public Map<String, Object> snapshot() {
        RedisCommands<String, String> redis = commands();
        Map<String, Object> state = new TreeMap<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(500));
            for (String key : page.getKeys()) {
                Object content = switch (redis.type(key)) {
                    case "string" -> redis.get(key);
                    case "hash" -> {
                        Map<String, String> fields = new TreeMap<>(redis.hgetall(key));
                        fields.values().removeIf("0"::equals);
                        yield fields;
                    }
                    case "set" -> new TreeSet<>(redis.smembers(key));
                    case "zset" -> {
                        Map<String, Double> members = new TreeMap<>();
                        for (ScoredValue<String> member : redis.zrangeWithScores(key, 0, -1)) {
                            members.put(member.getValue(), member.getScore());
                        }
                        yield members;
                    }
                    case "list" -> new ArrayList<>(redis.lrange(key, 0, -1));
                    default -> null;
                };
                if (content != null && !(content instanceof Map<?, ?> map && map.isEmpty())) {
                    state.put(key, content);
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
        return state;
    }

    public List<String> keys(String pattern) {
        return commands().keys(pattern);
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
