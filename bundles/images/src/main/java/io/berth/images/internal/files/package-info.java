/** File-system helpers of the image store: atomic writes, no-follow tree operations, POSIX attributes, temp names. */
package io.berth.images.internal.files;
