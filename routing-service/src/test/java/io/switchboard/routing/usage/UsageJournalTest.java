package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UsageJournalTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatWasAppendedInOrder() {
        try (UsageJournal journal = UsageJournal.open(dir, 1 << 20)) {
            journal.append(List.of(record("gen-1", "tenant-a"), record("gen-2", "tenant-b")));

            UsageJournal.Entry first = journal.read(journal.committed());
            UsageJournal.Entry second = journal.read(first.next());

            assertThat(first.key()).isEqualTo("tenant-a");
            assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"gen-1\"}");
            assertThat(second.key()).isEqualTo("tenant-b");
            assertThat(journal.read(second.next())).isNull();
        }
    }

    @Test
    void shouldReplayFromTheCheckpointAfterReopening() {
        long second;
        try (UsageJournal journal = UsageJournal.open(dir, 1 << 20)) {
            journal.append(List.of(record("gen-1", "t"), record("gen-2", "t")));
            second = journal.read(0).next();
            journal.commit(second);
        }

        try (UsageJournal reopened = UsageJournal.open(dir, 1 << 20)) {
            assertThat(reopened.committed()).isEqualTo(second);
            assertThat(valueAt(reopened, reopened.committed())).isEqualTo("{\"id\":\"gen-2\"}");
        }
    }

    @Test
    void shouldCutATornTailLeftByACrashAndKeepEverythingBeforeIt() throws IOException {
        long end;
        try (UsageJournal journal = UsageJournal.open(dir, 1 << 20)) {
            journal.append(List.of(record("gen-1", "t")));
            end = journal.end();
        }
        Files.write(onlySegment(), new byte[]{0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);

        try (UsageJournal reopened = UsageJournal.open(dir, 1 << 20)) {
            assertThat(reopened.end()).isEqualTo(end);
            assertThat(valueAt(reopened, 0)).isEqualTo("{\"id\":\"gen-1\"}");
            reopened.append(List.of(record("gen-2", "t")));
            assertThat(valueAt(reopened, end)).isEqualTo("{\"id\":\"gen-2\"}");
        }
    }

    @Test
    void shouldStartNewSegmentsAndDeleteTheDeliveredOnes() throws IOException {
        try (UsageJournal journal = UsageJournal.open(dir, 1024)) {
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                offsets.add(journal.end());
                journal.append(List.of(record("gen-" + i, "tenant")));
            }
            assertThat(segments()).hasSizeGreaterThan(2);
            for (int i = 0; i < 120; i++) {
                assertThat(valueAt(journal, offsets.get(i))).isEqualTo("{\"id\":\"gen-" + i + "\"}");
            }

            journal.commit(journal.end());

            assertThat(segments()).hasSize(1);
            assertThat(journal.read(journal.committed())).isNull();
        }
    }

    @Test
    void shouldRefuseASecondUserOfTheSameDirectory() {
        try (UsageJournal journal = UsageJournal.open(dir, 1 << 20)) {
            assertThatThrownBy(() -> UsageJournal.open(dir, 1 << 20)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("spool-dir");
        }
    }

    @Test
    void shouldKeepTheTraceContextOfAnEventThroughTheJournal() {
        Map<String, String> trace = Map.of("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "tracestate", "vendor=opaque");
        try (UsageJournal journal = UsageJournal.open(dir, 1 << 20)) {
            journal.append(List.of(new UsageRecord("gen-1", "tenant-a", "{\"id\":\"gen-1\"}".getBytes(
                    StandardCharsets.UTF_8), trace), record("gen-2", "tenant-b")));
        }

        try (UsageJournal reopened = UsageJournal.open(dir, 1 << 20)) {
            UsageJournal.Entry first = reopened.read(0);
            UsageJournal.Entry second = reopened.read(first.next());

            assertThat(first.key()).isEqualTo("tenant-a");
            assertThat(first.headers()).isEqualTo(trace);
            assertThat(new String(first.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"gen-1\"}");
            assertThat(second.key()).isEqualTo("tenant-b");
            assertThat(second.headers()).isEmpty();
        }
    }

    @Test
    void shouldReadAJournalWrittenBeforeRecordsHadHeaders() throws IOException {
        // The first form, byte for byte: [int length][int CRC32C][short key length][key][value].
        byte[] key = "tenant-a".getBytes(StandardCharsets.UTF_8);
        byte[] value = "{\"id\":\"gen-old\"}".getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(2 + key.length + value.length);
        body.putShort((short) key.length).put(key).put(value);
        CRC32C crc = new CRC32C();
        crc.update(body.array());
        ByteBuffer frame = ByteBuffer.allocate(8 + body.capacity());
        frame.putInt(body.capacity()).putInt((int) crc.getValue()).put(body.array());
        Files.write(dir.resolve("usage-%020d.log".formatted(0)), frame.array());

        try (UsageJournal journal = UsageJournal.open(dir, 1 << 20)) {
            UsageJournal.Entry old = journal.read(0);

            assertThat(journal.end()).isEqualTo(frame.capacity());
            assertThat(old.key()).isEqualTo("tenant-a");
            assertThat(old.headers()).isEmpty();
            assertThat(new String(old.value(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"gen-old\"}");
        }
    }

    static UsageRecord record(String id, String tenant) {
        return new UsageRecord(id, tenant, ("{\"id\":\"" + id + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static String valueAt(UsageJournal journal, long offset) {
        return new String(journal.read(offset).value(), StandardCharsets.UTF_8);
    }

    private Path onlySegment() throws IOException {
        List<Path> segments = segments();
        assertThat(segments).hasSize(1);
        return segments.getFirst();
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }
}
