package dev.eaw.docqa.embedding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.eaw.kernel.InvalidInput;
import dev.eaw.kernel.SentenceEncoders;

/** One {@link DocqaEmbedder} per model on offer, each made once (models load lazily on first use). Thread-safe. */
public final class Embedders {

	private final Map<String, DocqaEmbedder> embedders = new LinkedHashMap<>();

	/** @param defaultEmbedder the embedder of the default model, shared with the rest of the module */
	public Embedders(DocqaEmbedder defaultEmbedder) {
		this(defaultEmbedder, null);
	}

	/**
	 * @param defaultEmbedder the embedder of the default model, shared with the rest of the module
	 * @param shared the application's sentence encoders the other models come from (null: each loads its own)
	 */
	public Embedders(DocqaEmbedder defaultEmbedder, @Nullable SentenceEncoders shared) {
		for (String model : DocqaEmbedder.MODELS) {
			embedders.put(model,
					model.equals(defaultEmbedder.modelName()) ? defaultEmbedder : new DocqaEmbedder(model, shared));
		}
	}

	/** The models on offer, the default first. */
	public List<String> models() {
		return List.copyOf(embedders.keySet());
	}

	/** The embedder of a model; an unknown one is {@link InvalidInput}. */
	public DocqaEmbedder of(String model) {
		DocqaEmbedder embedder = embedders.get(model);
		if (embedder == null) {
			throw new InvalidInput("Unknown embedding model '" + model + "'; choose one of " + models() + ".");
		}
		return embedder;
	}

}
