/**
 * The web module: pages, REST controllers, security and the platform wiring (embedded PostgreSQL). It calls the
 * other modules' APIs only; nothing depends on it.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.web;
