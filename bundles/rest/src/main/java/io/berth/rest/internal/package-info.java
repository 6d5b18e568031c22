/** The Docker Engine API server: not exported. */
package io.berth.rest.internal;
