/** Internal: the one instance of each in-process ONNX sentence encoder, and its warm-up after start. */
@org.jspecify.annotations.NullMarked
package dev.eaw.kernel.embedding;
