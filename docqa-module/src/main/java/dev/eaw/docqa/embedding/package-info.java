/**
 * Internal: the module's own in-process embedding model (bge-small-en-v1.5 quantized, ONNX inside a Maven jar, 384
 * dimensions, input cut at 512 tokens) and its tokenizer, loaded on first use. It does not share the Insights
 * module's instance, so the modules stay independent; the cost is a second copy of a 34 MB model in memory.
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.docqa.embedding;
