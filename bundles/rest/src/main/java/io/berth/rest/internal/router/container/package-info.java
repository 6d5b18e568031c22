/** {@code /containers/...}: lifecycle, inspection, logs, wait, stats and attach. */
package io.berth.rest.internal.router.container;
