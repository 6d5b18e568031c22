/** The OCI image config model (Jackson), platform names, and the Dockerfile {@code --change} instructions. */
package io.berth.images.internal.config;
