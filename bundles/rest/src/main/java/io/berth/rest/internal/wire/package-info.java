/**
 * Docker's wire format: Jackson DTOs for request bodies, mappers from the API's records to Docker's JSON
 * shapes, and the one configured {@link io.berth.rest.internal.wire.Json} mapper. Jackson stays in this bundle.
 */
package io.berth.rest.internal.wire;
