/** The {@link io.berth.api.image.ImageService} implementation: import, tag, inspect, Docker's removal rules, events. */
package io.berth.images.internal.image;
