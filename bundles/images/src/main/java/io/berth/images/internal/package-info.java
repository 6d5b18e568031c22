/** The DS component of the image store and its configuration ({@code io.berth.images}). */
package io.berth.images.internal;
