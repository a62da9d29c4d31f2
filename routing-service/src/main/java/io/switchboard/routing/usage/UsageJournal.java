package io.switchboard.routing.usage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only, fsync'd log of usage events on local disk, with a checkpoint of how far it was delivered.
 *
 * <p><b>Format.</b> Segment files {@code usage-<base>.log}, where {@code <base>} (20 digits) is the journal offset of
 * the segment's first byte; offsets run on across segments. A record is {@code [int length][int CRC32C][body]} with
 * {@code body = [short key length][key, UTF-8][value]}, big-endian; the value is the CloudEvent JSON exactly as sent
 * to Kafka. A record with Kafka headers (the trace context) starts its body with the marker {@code (short) -1}, which
 * no key length can be, and then has {@code [short key length][key][short header count]} and, per header,
 * {@code [short name length][name][short value length][value]} (UTF-8) before the value; records without headers keep
 * the first form, so journals written before headers existed read unchanged (a version before them cannot read a
 * record with headers: drain the spool before going back to one). {@code checkpoint} holds, as decimal text, the offset of the first record not yet acknowledged by Kafka;
 * it is replaced atomically (write, fsync, rename). {@code lock} is held while a process uses the directory.
 *
 * <p><b>Recovery.</b> On open, the last segment is scanned and a torn or corrupt tail (a crash mid-write) is cut off;
 * every record before it was fsync'd before its event was considered journaled. Records from the checkpoint on are
 * delivered again, so delivery is at least once; consumers deduplicate by event id (the generation id).
 *
 * <p>Not thread-safe: {@link DurableUsagePublisher} confines it to one thread at a time.
 */
final class UsageJournal implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UsageJournal.class);
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 16 * 1024 * 1024;
    private static final String CHECKPOINT = "checkpoint";
    private static final short WITH_HEADERS = -1;

    /**
     * @param key Kafka record key
     * @param value Kafka record value
     * @param headers Kafka record headers journaled with it (empty in the first form)
     * @param offset where the record starts
     * @param next where the next record starts
     */
    record Entry(String key, byte[] value, Map<String, String> headers, long offset, long next) {
    }

    private final Path dir;
    private final long segmentSize;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final TreeMap<Long, FileChannel> segments = new TreeMap<>();
    private long end;
    private long committed;

    private UsageJournal(Path dir, long segmentSize, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.segmentSize = segmentSize;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static UsageJournal open(Path dir, long segmentSize) {
        try {
            Files.createDirectories(dir);
            FileChannel lockChannel = FileChannel.open(dir.resolve("lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException heldInThisProcess) {
                lock = null;
            }
            if (lock == null) {
                lockChannel.close();
                throw new IllegalStateException("Usage journal " + dir + " is in use by another process; every "
                        + "routing-service replica needs its own switchboard.routing.usage.spool-dir");
            }
            UsageJournal journal = new UsageJournal(dir, segmentSize, lockChannel, lock);
            journal.recover();
            return journal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the usage journal in " + dir, e);
        }
    }

    private void recover() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("usage-\\d{20}\\.log")).toList()) {
                String name = file.getFileName().toString();
                long base = Long.parseLong(name.substring(6, 26));
                segments.put(base, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
            }
        }
        if (segments.isEmpty()) {
            segments.put(0L, create(0));
        }
        committed = readCheckpoint();
        Map.Entry<Long, FileChannel> last = segments.lastEntry();
        long valid = scan(last.getKey(), last.getValue());
        if (valid < last.getValue().size()) {
            log.warn("Usage journal {}: cut a torn tail of {} bytes after offset {}", dir,
                    last.getValue().size() - valid, last.getKey() + valid);
            last.getValue().truncate(valid);
            last.getValue().force(true);
        }
        end = last.getKey() + valid;
        long first = segments.firstKey();
        if (committed < first || committed > end) {
            log.warn("Usage journal {}: checkpoint {} outside [{}, {}]; replaying from {}", dir, committed, first,
                    end, committed < first ? first : end);
            committed = committed < first ? first : end;
        }
        if (end > committed) {
            log.info("Usage journal {}: {} bytes of undelivered usage events to send", dir, end - committed);
        }
    }

    /** The length of the valid prefix of a segment. */
    private static long scan(long base, FileChannel segment) throws IOException {
        long position = 0;
        long size = segment.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            segment.read(header, position);
            header.flip();
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 2 || length > MAX_RECORD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            segment.read(body, position + HEADER);
            if (crc(body.array()) != crc) {
                break;
            }
            position += HEADER + length;
        }
        return position;
    }

    /** Appends the records and fsyncs them; they are journaled when this returns. */
    void append(List<UsageRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            Map.Entry<Long, FileChannel> active = segments.lastEntry();
            if (end - active.getKey() >= segmentSize) {
                active.getValue().force(true);
                segments.put(end, create(end));
                active = segments.lastEntry();
            }
            List<ByteBuffer> frames = new ArrayList<>(records.size());
            long bytes = 0;
            for (UsageRecord record : records) {
                ByteBuffer frame = frame(record);
                frames.add(frame);
                bytes += frame.remaining();
            }
            FileChannel channel = active.getValue();
            long position = end - active.getKey();
            for (ByteBuffer frame : frames) {
                while (frame.hasRemaining()) {
                    position += channel.write(frame, position);
                }
            }
            channel.force(false);
            end += bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the usage journal in " + dir, e);
        }
    }

    /** The record at {@code offset}, or null at the end of the journal. */
    @Nullable
    Entry read(long offset) {
        if (offset >= end) {
            return null;
        }
        try {
            Map.Entry<Long, FileChannel> segment = segments.floorEntry(offset);
            long position = offset - segment.getKey();
            if (position >= segment.getValue().size()) {
                // The end of a full segment is the start of the next.
                segment = segments.higherEntry(segment.getKey());
                position = 0;
                offset = segment.getKey();
            }
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            segment.getValue().read(header, position);
            header.flip();
            int length = header.getInt();
            header.getInt();
            ByteBuffer body = ByteBuffer.allocate(length);
            while (body.hasRemaining()) {
                segment.getValue().read(body, position + HEADER + body.position());
            }
            body.flip();
            short first = body.getShort();
            boolean withHeaders = first == WITH_HEADERS;
            String key = string(body, withHeaders ? body.getShort() : first);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int count = withHeaders ? body.getShort() : 0; count > 0; count--) {
                String name = string(body, body.getShort());
                headers.put(name, string(body, body.getShort()));
            }
            byte[] value = new byte[body.remaining()];
            body.get(value);
            return new Entry(key, value, Map.copyOf(headers), offset, offset + HEADER + length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the usage journal in " + dir, e);
        }
    }

    /** Records everything before {@code offset} as delivered, and deletes segments that are wholly delivered. */
    void commit(long offset) {
        if (offset <= committed) {
            return;
        }
        try {
            Path temporary = dir.resolve(CHECKPOINT + ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(ByteBuffer.wrap(Long.toString(offset).getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(temporary, dir.resolve(CHECKPOINT), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            committed = offset;
            deleteDelivered();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the usage journal checkpoint in " + dir, e);
        }
    }

    private void deleteDelivered() throws IOException {
        while (segments.size() > 1) {
            Map.Entry<Long, FileChannel> oldest = segments.firstEntry();
            long nextBase = segments.higherKey(oldest.getKey());
            if (nextBase > committed) {
                return;
            }
            oldest.getValue().close();
            Files.deleteIfExists(segmentFile(oldest.getKey()));
            segments.remove(oldest.getKey());
        }
    }

    /** Where the journal ends: the offset the next record will have. */
    long end() {
        return end;
    }

    /** The offset of the first record not yet delivered. */
    long committed() {
        return committed;
    }

    @Override
    public void close() {
        try {
            for (FileChannel segment : segments.values()) {
                segment.force(true);
                segment.close();
            }
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Closing the usage journal in {} failed: {}", dir, e.toString());
        }
    }

    private long readCheckpoint() throws IOException {
        Path checkpoint = dir.resolve(CHECKPOINT);
        if (!Files.exists(checkpoint)) {
            return segments.firstKey();
        }
        String text = Files.readString(checkpoint, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            log.warn("Usage journal {}: unreadable checkpoint '{}'; replaying everything", dir, text);
            return segments.firstKey();
        }
    }

    private FileChannel create(long base) throws IOException {
        FileChannel channel = FileChannel.open(segmentFile(base), StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        // Make the new file's directory entry durable too.
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException notSupported) {
            // Some platforms cannot open a directory; the segment's own fsyncs still hold its data.
        }
        return channel;
    }

    private Path segmentFile(long base) {
        return dir.resolve("usage-%020d.log".formatted(base));
    }

    private static String string(ByteBuffer body, int length) {
        byte[] bytes = new byte[length];
        body.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static ByteBuffer frame(UsageRecord record) {
        List<byte[]> fields = new ArrayList<>();
        fields.add(record.key().getBytes(StandardCharsets.UTF_8));
        record.headers().forEach((name, value) -> {
            fields.add(name.getBytes(StandardCharsets.UTF_8));
            fields.add(value.getBytes(StandardCharsets.UTF_8));
        });
        int size = record.value().length + (record.headers().isEmpty() ? 0 : 4);
        for (byte[] field : fields) {
            if (field.length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("usage event key or header longer than " + Short.MAX_VALUE
                        + " bytes");
            }
            size += 2 + field.length;
        }
        ByteBuffer body = ByteBuffer.allocate(size);
        if (!record.headers().isEmpty()) {
            body.putShort(WITH_HEADERS);
        }
        for (int i = 0; i < fields.size(); i++) {
            body.putShort((short) fields.get(i).length).put(fields.get(i));
            if (i == 0 && !record.headers().isEmpty()) {
                body.putShort((short) record.headers().size());
            }
        }
        body.put(record.value());
        byte[] bytes = body.array();
        ByteBuffer frame = ByteBuffer.allocate(HEADER + bytes.length);
        frame.putInt(bytes.length).putInt(crc(bytes)).put(bytes).flip();
        return frame;
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return (int) crc.getValue();
    }
}
