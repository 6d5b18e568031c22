package io.berth.core.internal.events;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.berth.api.event.BerthEvent;
import io.berth.api.event.EventListener;
import io.berth.api.event.EventService;

/**
 * In-process event hub: keeps the last {@code capacity} events and delivers every event to every subscriber,
 * in publication order per subscriber, on daemon threads (never on the publisher's thread). A subscriber
 * that subscribes with a {@code since} time first receives the matching history, then the new events, with
 * nothing lost or duplicated in between. Thread-safe.
 */
public final class EventBus implements EventService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final int capacity;
    private final Consumer<BerthEvent> sink;
    private final Deque<BerthEvent> history = new ArrayDeque<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());

    /**
     * @param capacity how many events the history keeps
     * @param sink     also receives every event, on the publisher's thread (EventAdmin forwarding)
     */
    public EventBus(int capacity, Consumer<BerthEvent> sink) {
        this.capacity = capacity;
        this.sink = sink;
    }

    @Override
    public void publish(BerthEvent event) {
        synchronized (history) {
            if (history.size() == capacity) {
                history.removeFirst();
            }
            history.addLast(event);
            subscribers.forEach(subscriber -> subscriber.deliver(event));
        }
        try {
            sink.accept(event);
        } catch (RuntimeException e) {
            LOG.warn("Forwarding event {} {} failed", event.type(), event.action(), e);
        }
    }

    @Override
    public Subscription subscribe(Instant since, EventListener listener) {
        Subscriber subscriber = new Subscriber(listener, new SerialExecutor(threads));
        synchronized (history) {
            if (since != null) {
                history.stream().filter(e -> !e.time().isBefore(since)).forEach(subscriber::deliver);
            }
            subscribers.add(subscriber);
        }
        return () -> {
            subscriber.close();
            subscribers.remove(subscriber);
        };
    }

    /** Ends every delivery; pending events are dropped. */
    @Override
    public void close() {
        subscribers.forEach(Subscriber::close);
        subscribers.clear();
        threads.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "berth-events-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One listener and its ordered delivery queue. */
    private static final class Subscriber {
        private final EventListener listener;
        private final SerialExecutor queue;
        private volatile boolean closed;

        Subscriber(EventListener listener, SerialExecutor queue) {
            this.listener = listener;
            this.queue = queue;
        }

        void deliver(BerthEvent event) {
            queue.execute(() -> {
                if (!closed) {
                    notifyListener(event);
                }
            });
        }

        void close() {
            closed = true;
        }

        private void notifyListener(BerthEvent event) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Event listener {} failed on {} {}", listener, event.type(), event.action(), e);
            }
        }
    }
}
