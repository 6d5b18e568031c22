/** {@code /_ping}, {@code /version}, {@code /info}, {@code /events}. */
package io.berth.rest.internal.router.system;
