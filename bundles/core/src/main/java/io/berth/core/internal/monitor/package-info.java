/** Exit detection: the exit files runtimes write and the inotify watcher that reports them. */
package io.berth.core.internal.monitor;
