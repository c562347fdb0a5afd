package dev.eaw.kernel.embedding;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.eaw.kernel.SentenceEncoders;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;

/** {@link SentenceEncoders} over langchain4j's ONNX models: each one made on first use, once. */
public final class OnnxSentenceEncoders implements SentenceEncoders {

	private static final Logger log = LoggerFactory.getLogger(OnnxSentenceEncoders.class);

	private final Map<String, Supplier<EmbeddingModel>> makers;

	private final ConcurrentMap<String, EmbeddingModel> models = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> loads = new TreeMap<>();

	public OnnxSentenceEncoders() {
		this(Map.of(BGE_SMALL_Q, BgeSmallEnV15QuantizedEmbeddingModel::new, MINILM_Q,
				AllMiniLmL6V2QuantizedEmbeddingModel::new));
	}

	OnnxSentenceEncoders(Map<String, Supplier<EmbeddingModel>> makers) {
		this.makers = Map.copyOf(makers);
		makers.keySet().forEach(name -> loads.put(name, new AtomicInteger()));
	}

	@Override
	public EmbeddingModel get(String name) {
		Supplier<EmbeddingModel> make = makers.get(name);
		if (make == null) {
			throw new IllegalArgumentException("Unknown sentence encoder " + name + "; known: " + makers.keySet());
		}
		return models.computeIfAbsent(name, n -> {
			long start = System.nanoTime();
			EmbeddingModel model = make.get();
			loads.get(n).incrementAndGet();
			log.info("Loaded the sentence encoder {} in {} ms", n, (System.nanoTime() - start) / 1_000_000);
			return model;
		});
	}

	/** How many times each model was loaded (0 or 1): the proof that the modules share one instance. */
	public Map<String, Integer> loads() {
		Map<String, Integer> counts = new TreeMap<>();
		loads.forEach((name, count) -> counts.put(name, count.get()));
		return counts;
	}

	/** Loads the given models one after the other on a low-priority daemon thread, so the first request finds them. */
	public void warmUp(List<String> names) {
		Thread thread = new Thread(() -> {
			for (String name : names) {
				try {
					get(name);
				}
				catch (RuntimeException ex) {
					log.warn("Could not load the sentence encoder {}: {}", name, ex.getMessage());
				}
			}
		}, "sentence-encoders-warm-up");
		thread.setDaemon(true);
		thread.setPriority(Thread.MIN_PRIORITY);
		thread.start();
	}

}
