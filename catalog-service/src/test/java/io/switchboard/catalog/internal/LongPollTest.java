package io.switchboard.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LongPollTest {

    private static final Duration MAX = Duration.ofSeconds(30);

    @Test
    void shouldReadTheWaitPreference() {
        assertThat(LongPoll.requestedWait("wait=20", MAX)).isEqualTo(Duration.ofSeconds(20));
        assertThat(LongPoll.requestedWait("respond-async, wait=5", MAX)).isEqualTo(Duration.ofSeconds(5));
        assertThat(LongPoll.requestedWait("Wait = 7 ; x=y", MAX)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void shouldCapTheWaitAtTheMaximum() {
        assertThat(LongPoll.requestedWait("wait=600", MAX)).isEqualTo(MAX);
    }

    @Test
    void shouldIgnoreAMissingOrMalformedWait() {
        assertThat(LongPoll.requestedWait(null, MAX)).isNull();
        assertThat(LongPoll.requestedWait("respond-async", MAX)).isNull();
        assertThat(LongPoll.requestedWait("wait=soon", MAX)).isNull();
        assertThat(LongPoll.requestedWait("wait=0", MAX)).isNull();
    }

    @Test
    void shouldMatchTheVersionInIfNoneMatch() {
        assertThat(LongPoll.matches("\"abc\"", "abc")).isTrue();
        assertThat(LongPoll.matches("W/\"abc\"", "abc")).isTrue();
        assertThat(LongPoll.matches("\"x\", \"abc\"", "abc")).isTrue();
        assertThat(LongPoll.matches("\"abcd\"", "abc")).isFalse();
        assertThat(LongPoll.matches(null, "abc")).isFalse();
    }
}
