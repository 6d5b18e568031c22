/** {@code /images/...}: list, inspect, history, tag, remove, import, load, save, prune. */
package io.berth.rest.internal.router.image;
