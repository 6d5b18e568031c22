package io.berth.core.internal.logs;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

import io.berth.api.container.LogEntry;
import io.berth.api.container.LogOptions;
import io.berth.api.container.LogStream;
import io.berth.api.error.BerthException;

/**
 * A {@link LogStream} over a k8s-file log ({@link K8sLogFormat}). Applies stream selection, {@code since},
 * {@code until} and {@code tail}; malformed lines are skipped. When following, it waits for new lines (a
 * short timed wait, woken early by {@link #close()} and {@link #wake()}) until the writer is done —
 * {@code producing} turns false once the container stopped — and the file is read to its end. Not
 * thread-safe, except that {@link #close()} and {@link #wake()} may be called from any thread.
 */
public final class K8sFileLogReader implements LogStream {

    static final long POLL_MILLIS = 100;

    private final Path file;
    private final LogOptions options;
    private final BooleanSupplier producing;
    private final Object wakeup = new Object();
    private final Deque<LogEntry> tailed = new ArrayDeque<>();
    private volatile LineReader reader;
    private boolean primed;
    private boolean finished;
    private volatile boolean closed;
    private boolean woken;

    /**
     * @param file      the log file; it may not exist yet
     * @param options   what to read
     * @param producing whether the container may still write to the file
     */
    public K8sFileLogReader(Path file, LogOptions options, BooleanSupplier producing) {
        this.file = file;
        this.options = options;
        this.producing = producing;
        openEagerly();
    }

    /**
     * Opens the file at once when it is there: what was written stays readable through the open file even if the
     * container and its log are deleted before the first read (a short {@code --rm} run). Else at the first read.
     */
    private void openEagerly() {
        try {
            open();
        } catch (IOException e) {
            // opened again at the first read, which reports the error
        }
    }

    @Override
    public LogEntry next() throws InterruptedException {
        if (closed) {
            return null;
        }
        try {
            if (!primed) {
                prime();
            }
            if (!tailed.isEmpty()) {
                return tailed.poll();
            }
            return finished ? null : read();
        } catch (ClosedChannelException closedByOtherThread) {
            return null;
        } catch (IOException e) {
            throw new BerthException("cannot read log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (wakeup) {
            wakeup.notifyAll();
        }
        try {
            LineReader current = reader;
            if (current != null) {
                current.close();
            }
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    /**
     * Ends a wait for new lines at once instead of at the next poll: the writer may be done (the container
     * stopped). A wake that comes between two waits is kept for the next one. Any thread.
     */
    public void wake() {
        synchronized (wakeup) {
            woken = true;
            wakeup.notifyAll();
        }
    }

    /** Reads the existing log once when a tail is asked for, keeping only the last entries. */
    private void prime() throws IOException {
        primed = true;
        if (options.tail() < 0) {
            return;
        }
        LogEntry entry;
        while ((entry = nextMatching(!options.follow())) != null) {
            tailed.addLast(entry);
            if (tailed.size() > options.tail()) {
                tailed.removeFirst();
            }
        }
    }

    private LogEntry read() throws IOException, InterruptedException {
        while (!closed) {
            LogEntry entry = nextMatching(!options.follow());
            if (entry != null) {
                return entry;
            }
            if (finished || !options.follow() || pastUntil(Instant.now())) {
                break;
            }
            if (!producing.getAsBoolean()) {
                entry = nextMatching(true);
                if (entry != null) {
                    return entry;
                }
                break;
            }
            awaitMore();
        }
        finished = true;
        return null;
    }

    private LogEntry nextMatching(boolean writerDone) throws IOException {
        if (reader == null && !open()) {
            return null;
        }
        String line;
        while ((line = reader.next(writerDone)) != null) {
            LogEntry entry = K8sLogFormat.parse(line).orElse(null);
            if (entry == null || !selected(entry)) {
                continue;
            }
            if (pastUntil(entry.time())) {
                finished = true;
                return null;
            }
            return entry;
        }
        return null;
    }

    private boolean open() throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        reader = new LineReader(file);
        if (closed) {
            reader.close();
        }
        return true;
    }

    private boolean selected(LogEntry entry) {
        boolean stream = entry.stream() == LogEntry.Stream.STDOUT ? options.stdout() : options.stderr();
        return stream && (options.since() == null || !entry.time().isBefore(options.since()));
    }

    private boolean pastUntil(Instant time) {
        return options.until() != null && !time.isBefore(options.until());
    }

    private void awaitMore() throws InterruptedException {
        synchronized (wakeup) {
            if (!closed && !woken) {
                wakeup.wait(POLL_MILLIS);
            }
            woken = false;
        }
    }
}
