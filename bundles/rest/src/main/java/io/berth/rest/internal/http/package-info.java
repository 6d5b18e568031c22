/**
 * HTTP plumbing of the Docker Engine API: the version prefix, the route table the routers are mounted in,
 * the one {@link io.berth.rest.internal.http.ErrorMapper}, the exchange handlers work with, and the stream
 * and hijack helpers (chunked output, Docker's 8-byte multiplexed frames, the HTTP upgrade of attach/exec).
 */
package io.berth.rest.internal.http;
