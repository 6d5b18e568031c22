/** The OCI runtime spec ({@code config.json}) the engine writes into each container's bundle, with Docker's defaults. */
package io.berth.core.internal.oci;
