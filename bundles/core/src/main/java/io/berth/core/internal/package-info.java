/** The engine bundle's DS components: the engine itself ({@code io.berth.core}). Nothing here is exported. */
package io.berth.core.internal;
