/** The event service: bounded history, ordered delivery per subscriber, forwarding to EventAdmin. */
package io.berth.core.internal.events;
