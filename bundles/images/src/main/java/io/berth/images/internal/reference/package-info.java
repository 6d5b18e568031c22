/** Docker image references: parsing, validation, normalization ({@code docker.io/library/...}) and familiar forms. */
package io.berth.images.internal.reference;
