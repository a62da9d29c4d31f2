package io.switchboard.simulator.reply;

import java.util.concurrent.ThreadLocalRandom;

/** Random parts of response ids; a bean so that tests can fix them. Each wire format adds its own prefix. */
@FunctionalInterface
public interface IdGenerator {

    String next();

    /**
     * 29 random letters and digits, the length OpenAI uses after {@code chatcmpl-}. {@link ThreadLocalRandom} rather
     * than {@code SecureRandom}: the ids need to be distinct, not unguessable, and the latter may read
     * {@code /dev/random} on an event-loop thread.
     */
    static IdGenerator random() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            char[] id = new char[29];
            for (int i = 0; i < id.length; i++) {
                id[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            return new String(id);
        };
    }
}
