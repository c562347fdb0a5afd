/** Internal: runs every module's Flyway migrations into that module's own schema. */
@org.jspecify.annotations.NullMarked
package dev.eaw.kernel.migration;
