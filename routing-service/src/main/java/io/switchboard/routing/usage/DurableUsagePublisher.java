package io.switchboard.routing.usage;

import io.switchboard.usage.UsageEvent;
import io.switchboard.usage.UsageEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers every usage event to {@code switchboard.usage.v1}, whatever Kafka does, without ever holding up a request
 * (ARCHITECTURE.md: "an event is never dropped").
 *
 * <p>{@link #publish} only serialises the event and queues it (lock-free); one dedicated thread, {@code usage-spool},
 * does the rest:
 * <ol>
 * <li>writes new events to the local {@link UsageJournal} and fsyncs them, a batch at a time (so an event survives a
 * restart or crash of the process from then on);
 * <li>sends journaled events to the idempotent producer, at most {@code max-in-flight} unacknowledged at once: that is
 * all the memory events take while Kafka is slow or down; the rest wait on disk;
 * <li>advances the journal's checkpoint over the acknowledged prefix, deleting delivered segments.
 * </ol>
 * A send Kafka fails (after the producer's own retries for {@code delivery-timeout}) is sent again, in journal order,
 * after a back-off that doubles up to {@code max-retry-backoff}; nothing new is read from the journal meanwhile. So
 * during an outage events accumulate in the journal and are delivered in order when Kafka returns; at start-up the
 * journal is replayed from its checkpoint. An event is sent again only if Kafka did not acknowledge it (or the process
 * died before the checkpoint recorded that it did): duplicates are possible but rare, and consumers deduplicate by
 * event id. Records Kafka can never take (too large) go to {@code dead-letter.jsonl} in the spool directory, for an
 * operator, instead of blocking the rest.
 */
@Component
public class DurableUsagePublisher implements UsagePublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DurableUsagePublisher.class);
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final long COMMIT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final UsageProperties properties;
    private final Supplier<KafkaUsageProducer> producers;
    /** Guards the journal, which the spool thread and (before start, after stop) publishers use. */
    private final Object journalLock = new Object();
    private UsageJournal journal;
    private boolean journalClosed;
    private final Queue<Object> inbox = new ConcurrentLinkedQueue<>();
    private final ArrayDeque<InFlight> window = new ArrayDeque<>();
    private final List<UsageRecord> unjournaled = new ArrayList<>();
    private volatile boolean accepting;
    private volatile boolean running;
    private volatile @Nullable Thread thread;
    private @Nullable KafkaUsageProducer producer;
    private long sendOffset;
    private long backoffUntil;
    private @Nullable Duration backoff;
    private long lastCommit;

    @Autowired
    public DurableUsagePublisher(KafkaProperties kafka, UsageProperties properties) {
        this(properties, () -> KafkaUsageProducer.create(kafka, properties));
    }

    DurableUsagePublisher(UsageProperties properties, Supplier<KafkaUsageProducer> producers) {
        this.properties = properties;
        this.producers = producers;
        this.journal = UsageJournal.open(properties.spoolDir(), properties.segmentSize().toBytes());
        this.sendOffset = journal.committed();
    }

    @Override
    public void publish(UsageEvent event, Map<String, String> traceContext) {
        // The trace context is journaled with the event, so it survives the spool (and a restart).
        inbox.add(new UsageRecord(event.id(), event.subject(), UsageEvents.toJson(event), traceContext));
        Thread spool = thread;
        if (accepting && spool != null) {
            LockSupport.unpark(spool);
        } else {
            // Before start or after stop (rare): straight to the journal, delivered by the next start.
            journalWithoutSpool();
        }
    }

    private void journalWithoutSpool() {
        synchronized (journalLock) {
            if (!journalClosed) {
                journalInbox();
                return;
            }
            journal = UsageJournal.open(properties.spoolDir(), properties.segmentSize().toBytes());
            try {
                journalInbox();
            } finally {
                journal.close();
            }
        }
    }

    /**
     * Bytes of journaled events Kafka has not acknowledged yet (as of the last checkpoint, at most 100 ms old): zero
     * when every event has been delivered. For monitoring and tests.
     */
    public long undeliveredBytes() {
        synchronized (journalLock) {
            return journal.end() - journal.committed() + unjournaled.size();
        }
    }

    @Override
    public void start() {
        synchronized (journalLock) {
            if (journalClosed) {
                journal = UsageJournal.open(properties.spoolDir(), properties.segmentSize().toBytes());
                journalClosed = false;
                sendOffset = journal.committed();
            }
        }
        running = true;
        accepting = true;
        Thread spool = new Thread(this::run, "usage-spool");
        // Daemon: what it has journaled survives an abrupt exit; stop() lets it finish cleanly.
        spool.setDaemon(true);
        thread = spool;
        spool.start();
    }

    /** Stops after the web server (phase 0 &lt; its phase), so no request publishes after this. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public void stop() {
        running = false;
        Thread spool = thread;
        if (spool != null) {
            LockSupport.unpark(spool);
            try {
                spool.join(properties.shutdownTimeout().plusSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        producer = producers.get();
        long deadline = Long.MAX_VALUE;
        while (true) {
            if (!running && deadline == Long.MAX_VALUE) {
                deadline = System.nanoTime() + properties.shutdownTimeout().toNanos();
            }
            List<Ack> acks = journalInbox();
            acks.forEach(this::acknowledged);
            commitDelivered(!running);
            if (!running && (delivered() || backoff != null || System.nanoTime() > deadline)) {
                // Whatever is left (Kafka down, or slow) stays journaled for the next start.
                break;
            }
            sendMore();
            LockSupport.parkNanos(running ? parkNanos() : TimeUnit.MILLISECONDS.toNanos(10));
        }
        accepting = false;
        journalInbox();
        commitDelivered(true);
        if (!window.isEmpty()) {
            log.info("{} usage events unacknowledged at shutdown; they are sent again after the restart",
                    window.size());
        }
        KafkaUsageProducer current = producer;
        if (current != null) {
            current.close(Duration.ofSeconds(1));
        }
        synchronized (journalLock) {
            journal.close();
            journalClosed = true;
        }
    }

    /** Journals the queued events (one fsync) and returns the acknowledgements that were queued with them. */
    private List<Ack> journalInbox() {
        List<Ack> acks = new ArrayList<>();
        synchronized (journalLock) {
            Object item;
            while ((item = inbox.poll()) != null) {
                if (item instanceof UsageRecord record) {
                    unjournaled.add(record);
                } else {
                    acks.add((Ack) item);
                }
            }
            if (!unjournaled.isEmpty()) {
                try {
                    journal.append(unjournaled);
                    unjournaled.clear();
                } catch (UncheckedIOException e) {
                    log.error("{} usage events could not be journaled (kept in memory, retried): {}",
                            unjournaled.size(), e.toString());
                }
            }
        }
        return acks;
    }

    private void acknowledged(Ack ack) {
        InFlight sent = ack.sent();
        Exception failure = ack.failure();
        if (failure == null) {
            sent.state = State.ACKED;
            if (backoff != null) {
                log.info("Kafka accepts usage events again; delivering what the journal kept");
                backoff = null;
            }
            return;
        }
        if (isPermanent(failure)) {
            deadLetter(sent, failure);
            sent.state = State.ACKED;
            return;
        }
        sent.state = State.FAILED;
        backOff(failure);
    }

    private void sendMore() {
        if (System.nanoTime() < backoffUntil) {
            return;
        }
        for (InFlight sent : window) {
            if (sent.state == State.FAILED && !send(sent)) {
                return;
            }
        }
        while (window.size() < properties.maxInFlight()) {
            UsageJournal.Entry entry;
            synchronized (journalLock) {
                entry = journal.read(sendOffset);
            }
            if (entry == null) {
                return;
            }
            InFlight sent = new InFlight(entry);
            window.add(sent);
            sendOffset = entry.next();
            if (!send(sent)) {
                return;
            }
        }
    }

    private boolean send(InFlight sent) {
        sent.state = State.SENT;
        try {
            producer().send(sent.entry.key(), sent.entry.value(), sent.entry.headers(), (metadata, failure) -> {
                inbox.add(new Ack(sent, failure));
                Thread spool = thread;
                if (spool != null) {
                    LockSupport.unpark(spool);
                }
            });
            return true;
        } catch (KafkaException | IllegalStateException e) {
            // Metadata not available within max-block, or a producer that can no longer send: start afresh.
            sent.state = State.FAILED;
            if (!(e instanceof RetriableException)) {
                replaceProducer();
            }
            backOff(e);
            return false;
        }
    }

    private void backOff(Exception failure) {
        if (backoff == null) {
            log.warn("Kafka is not accepting usage events ({}); they wait in the journal and are retried",
                    failure.toString());
        }
        backoff = backoff == null ? properties.retryBackoff() : backoff.multipliedBy(2);
        if (backoff.compareTo(properties.maxRetryBackoff()) > 0) {
            backoff = properties.maxRetryBackoff();
        }
        backoffUntil = System.nanoTime() + backoff.toNanos();
    }

    /** Drops the acknowledged prefix of the window and, at most every 100 ms, checkpoints the journal there. */
    private void commitDelivered(boolean force) {
        while (!window.isEmpty() && window.peekFirst().state == State.ACKED) {
            window.pollFirst();
        }
        long deliveredTo = window.isEmpty() ? sendOffset : window.peekFirst().entry.offset();
        if (deliveredTo > committed() && (force || System.nanoTime() - lastCommit > COMMIT_INTERVAL_NANOS)) {
            synchronized (journalLock) {
                journal.commit(deliveredTo);
            }
            lastCommit = System.nanoTime();
        }
    }

    /** Nothing in flight and nothing journaled left to send. */
    private boolean delivered() {
        synchronized (journalLock) {
            return window.isEmpty() && sendOffset >= journal.end();
        }
    }

    private long committed() {
        synchronized (journalLock) {
            return journal.committed();
        }
    }

    private long parkNanos() {
        long untilRetry = backoffUntil - System.nanoTime();
        return untilRetry > 0 ? Math.min(untilRetry, IDLE_PARK_NANOS) : IDLE_PARK_NANOS;
    }

    private KafkaUsageProducer producer() {
        KafkaUsageProducer current = producer;
        if (current == null) {
            current = producers.get();
            producer = current;
        }
        return current;
    }

    private void replaceProducer() {
        KafkaUsageProducer current = producer;
        producer = null;
        if (current != null) {
            current.close(Duration.ZERO);
        }
    }

    private static boolean isPermanent(Exception failure) {
        return failure instanceof RecordTooLargeException || failure instanceof SerializationException;
    }

    private void deadLetter(InFlight sent, Exception failure) {
        log.error("Usage event at journal offset {} cannot be sent to Kafka ({}); kept in dead-letter.jsonl",
                sent.entry.offset(), failure.toString());
        try {
            byte[] line = new byte[sent.entry.value().length + 1];
            System.arraycopy(sent.entry.value(), 0, line, 0, sent.entry.value().length);
            line[line.length - 1] = '\n';
            Files.write(properties.spoolDir().resolve("dead-letter.jsonl"), line, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the usage dead letter", e);
        }
    }

    private enum State {
        SENT, ACKED, FAILED
    }

    /** A journaled event handed to the producer; its state is only touched by the spool thread. */
    private static final class InFlight {

        final UsageJournal.Entry entry;
        State state = State.SENT;

        InFlight(UsageJournal.Entry entry) {
            this.entry = entry;
        }
    }

    /** The producer's answer for one send, queued for the spool thread. */
    private record Ack(InFlight sent, @Nullable Exception failure) {
    }
}
