/**
 * Berth's one error vocabulary. Every service in the API reports failures with a subclass of
 * {@link io.berth.api.error.BerthException}; front ends map the subclass to their own terms (an HTTP status,
 * a console message) in exactly one place.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.berth.api.error;
