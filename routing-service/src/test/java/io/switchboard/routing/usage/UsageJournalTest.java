package io.switchboard.routing.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
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
