package dev.eaw.kernel;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * The in-process sentence encoders (quantized ONNX models shipped in jars), one instance of each model for the whole
 * application: Insights and Document Q&amp;A share them instead of each loading its own ONNX session. A model loads
 * once, on first use, or earlier in the background once the application is ready. Thread-safe.
 */
public interface SentenceEncoders {

	/** bge-small-en-v1.5, quantized: 384 dimensions, [CLS] pooling, input cut at 512 tokens. */
	String BGE_SMALL_Q = "bge-small-en-v1.5-q";

	/** all-MiniLM-L6-v2, quantized: 384 dimensions, mean pooling, input cut at 128 tokens. */
	String MINILM_Q = "all-minilm-l6-v2-q";

	/**
	 * The model of that name ({@link #BGE_SMALL_Q} or {@link #MINILM_Q}), loaded on the first call (about a second),
	 * the same instance on every call.
	 * @throws IllegalArgumentException for another name
	 */
	EmbeddingModel get(String name);

}
