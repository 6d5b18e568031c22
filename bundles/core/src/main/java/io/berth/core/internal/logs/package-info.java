/** Reading container logs in the k8s-file format, with tail, time bounds and follow. */
package io.berth.core.internal.logs;
