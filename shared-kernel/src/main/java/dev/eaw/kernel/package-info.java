/**
 * The shared kernel: who the users are and what they may do ({@link dev.eaw.kernel.Role}), personal API tokens,
 * the audit trail every module appends to, per-module schema migrations, and the small SPI through which each
 * module reports itself on the home dashboard, and the sentence encoders the modules share
 * ({@link dev.eaw.kernel.SentenceEncoders}). Its root package is its API; {@code jdbc}, {@code embedding} and
 * {@code migration} are internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Shared kernel", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
@org.jspecify.annotations.NullMarked
package dev.eaw.kernel;
