package io.berth.core.internal.monitor;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the exit directory (inotify through {@link WatchService}) and reports every exit file once it
 * holds a code. Handles files written in place (create, then modify) and files renamed into the directory;
 * names starting with {@code .} are temp files and ignored. On start, and after an event overflow, it
 * scans the whole directory, so exits written while nobody watched are reported too. The listener runs on
 * the monitor's single daemon thread and may be called more than once for one file: it must be idempotent
 * and delete the file when done.
 */
public final class ExitMonitor implements AutoCloseable {

    /** Receives exits. */
    @FunctionalInterface
    public interface ExitListener {
        void onExit(String id, int exitCode);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExitMonitor.class);

    private final Path dir;
    private final ExitListener listener;
    private WatchService watcher;
    private Thread thread;
    private volatile boolean closing;

    public ExitMonitor(Path dir, ExitListener listener) {
        this.dir = dir;
        this.listener = listener;
    }

    /** Registers the watch, then scans and watches on a daemon thread. Call once. */
    public synchronized void start() throws IOException {
        watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        WatchService service = watcher;
        thread = new Thread(() -> run(service), "berth-exit-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops watching and waits for the thread to end; idempotent. */
    @Override
    public synchronized void close() {
        if (watcher == null) {
            return;
        }
        closing = true;
        try {
            watcher.close();
            thread.join(5_000);
        } catch (IOException e) {
            LOG.warn("Closing the exit watcher failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watcher = null;
    }

    private void run(WatchService service) {
        scan();
        try {
            while (true) {
                WatchKey key = service.take();
                key.pollEvents().forEach(this::handle);
                if (!key.reset()) {
                    if (!closing) {
                        LOG.error("Exit directory {} is no longer watched", dir);
                    }
                    return;
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            LOG.debug("Exit monitor stopped");
        }
    }

    private void handle(WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            scan();
        } else {
            handle(dir.resolve((Path) event.context()));
        }
    }

    private void scan() {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            files.forEach(this::handle);
        } catch (IOException e) {
            LOG.warn("Cannot scan exit directory {}: {}", dir, e.toString());
        }
    }

    private void handle(Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".")) {
            return;
        }
        OptionalInt code = ExitFiles.read(file);
        if (code.isEmpty()) {
            return;
        }
        try {
            listener.onExit(name, code.getAsInt());
        } catch (RuntimeException e) {
            LOG.warn("Handling the exit of {} failed", name, e);
        }
    }
}
