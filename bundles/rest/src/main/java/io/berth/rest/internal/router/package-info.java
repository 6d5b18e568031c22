/** The routers of the API, one package per resource (R11, R12). */
package io.berth.rest.internal.router;
