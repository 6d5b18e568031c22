/** {@code /containers/{id}/exec} and {@code /exec/...}: processes run in running containers. */
package io.berth.rest.internal.router.exec;
