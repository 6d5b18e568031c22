/** Safe extraction of layer tarballs: path normalization, escape checks, file creation with tar metadata. */
package io.berth.images.internal.layer;
