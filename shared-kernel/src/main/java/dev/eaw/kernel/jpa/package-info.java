/** Internal: the JPA entities and repositories behind users, API tokens and the audit trail. */
@org.jspecify.annotations.NullMarked
package dev.eaw.kernel.jpa;
