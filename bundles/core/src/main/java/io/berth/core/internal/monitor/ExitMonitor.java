package io.berth.core.internal.monitor;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches exit directories (inotify through one {@link WatchService} and one daemon thread) and reports every
 * exit file once it holds a code: the engine's exit directory for containers, and one directory per exec
 * session. Handles files written in place (create, then modify) and files renamed into a directory; names
 * starting with {@code .} are temp files and ignored, and so are subdirectories. A directory is scanned when it starts being watched and
 * after an event overflow, so exits written while nobody watched are reported too.
 * <p>
 * Listeners run on the monitor's thread — except for the scan of a directory registered with {@link #watch}
 * after {@link #start()}, which runs on the caller's thread — and may be called more than once for one file:
 * they must be idempotent.
 */
public final class ExitMonitor implements AutoCloseable {

    /** Receives exits. */
    @FunctionalInterface
    public interface ExitListener {
        void onExit(String name, int exitCode);
    }

    /** A directory being watched; closing it stops the watch. Idempotent. */
    public interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    private static final Logger LOG = LoggerFactory.getLogger(ExitMonitor.class);

    private final Path initialDir;
    private final ExitListener initialListener;
    /** Guards {@link #watched}, so that the thread never sees a key before its directory is known. */
    private final Object registration = new Object();
    private final Map<WatchKey, Watched> watched = new HashMap<>();
    private WatchService watcher;
    private Thread thread;
    private volatile boolean closing;

    /** A monitor that watches nothing until {@link #watch} is called. */
    public ExitMonitor() {
        this(null, null);
    }

    /** A monitor that watches {@code dir} from {@link #start()} on. */
    public ExitMonitor(Path dir, ExitListener listener) {
        this.initialDir = dir;
        this.initialListener = listener;
    }

    /** Creates the watch service, registers the initial directory and starts the thread. Call once. */
    public synchronized void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        Watched initial = initialDir == null ? null : register(initialDir, initialListener);
        WatchService service = watcher;
        thread = new Thread(() -> run(service, initial), "berth-exit-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Watches one more directory and scans it on the caller's thread.
     *
     * @throws IOException           when the directory cannot be watched
     * @throws IllegalStateException before {@link #start()} or after {@link #close()}
     */
    public Watch watch(Path dir, ExitListener listener) throws IOException {
        WatchService service;
        synchronized (this) {
            if (watcher == null) {
                throw new IllegalStateException("the exit monitor is not running");
            }
            service = watcher;
        }
        Watched added = register(dir, listener, service);
        scan(added);
        return added::cancel;
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

    private Watched register(Path dir, ExitListener listener) throws IOException {
        return register(dir, listener, watcher);
    }

    private Watched register(Path dir, ExitListener listener, WatchService service) throws IOException {
        synchronized (registration) {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY);
            Watched added = new Watched(dir, listener, key);
            watched.put(key, added);
            return added;
        }
    }

    private void run(WatchService service, Watched initial) {
        if (initial != null) {
            scan(initial);
        }
        try {
            while (true) {
                WatchKey key = service.take();
                Watched target;
                synchronized (registration) {
                    target = watched.get(key);
                }
                if (target != null) {
                    key.pollEvents().forEach(event -> handle(target, event));
                }
                if (!key.reset()) {
                    forget(key, target);
                }
            }
        } catch (ClosedWatchServiceException | InterruptedException stopped) {
            LOG.debug("Exit monitor stopped");
        }
    }

    private void forget(WatchKey key, Watched target) {
        synchronized (registration) {
            watched.remove(key);
        }
        if (target != null && !target.cancelled && !closing && Files.isDirectory(target.dir)) {
            LOG.error("Exit directory {} is no longer watched", target.dir);
        }
    }

    private void handle(Watched target, WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            scan(target);
        } else {
            handle(target, target.dir.resolve((Path) event.context()));
        }
    }

    private void scan(Watched target) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(target.dir)) {
            files.forEach(file -> handle(target, file));
        } catch (IOException e) {
            LOG.warn("Cannot scan exit directory {}: {}", target.dir, e.toString());
        }
    }

    private void handle(Watched target, Path file) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || target.cancelled || Files.isDirectory(file)) {
            return;
        }
        OptionalInt code = ExitFiles.read(file);
        if (code.isEmpty()) {
            return;
        }
        try {
            target.listener.onExit(name, code.getAsInt());
        } catch (RuntimeException e) {
            LOG.warn("Handling the exit of {} failed", name, e);
        }
    }

    /** One watched directory. */
    private final class Watched {
        final Path dir;
        final ExitListener listener;
        final WatchKey key;
        volatile boolean cancelled;

        Watched(Path dir, ExitListener listener, WatchKey key) {
            this.dir = dir;
            this.listener = listener;
            this.key = key;
        }

        void cancel() {
            cancelled = true;
            key.cancel();
            synchronized (registration) {
                watched.remove(key);
            }
        }
    }
}
