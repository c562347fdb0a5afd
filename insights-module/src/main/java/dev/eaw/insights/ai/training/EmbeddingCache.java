package dev.eaw.insights.ai.training;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.eaw.insights.ai.Embedder;

/**
 * A local file of sentence embeddings so that training runs can be repeated without embedding the corpus again
 * (67k sentences take about ten minutes on two cores). The file holds a fingerprint of the texts and the model
 * name; a mismatch means the cache is recomputed. Keep it outside the repository (e.g. {@code /tmp}).
 */
final class EmbeddingCache {

	private static final int MAGIC = 0x53454e54;

	private EmbeddingCache() {
	}

	/** The embeddings of {@code texts}, from {@code file} when it matches, otherwise computed and written there. */
	static List<float[]> embedAll(Embedder embedder, List<String> texts, Path file) throws IOException {
		long fingerprint = fingerprint(embedder.modelName(), texts);
		if (file != null && Files.isRegularFile(file)) {
			List<float[]> cached = read(file, fingerprint, texts.size());
			if (cached != null) {
				System.err.printf("embeddings: %d read from %s%n", cached.size(), file);
				return cached;
			}
		}
		List<float[]> vectors = new ArrayList<>(texts.size());
		int chunk = 2048;
		long start = System.nanoTime();
		for (int from = 0; from < texts.size(); from += chunk) {
			vectors.addAll(embedder.embedAll(texts.subList(from, Math.min(texts.size(), from + chunk))));
			double seconds = (System.nanoTime() - start) / 1e9;
			System.err.printf("embeddings: %d/%d in %.0f s%n", vectors.size(), texts.size(), seconds);
		}
		if (file != null) {
			write(file, fingerprint, vectors);
		}
		return vectors;
	}

	private static long fingerprint(String model, List<String> texts) {
		long hash = 1125899906842597L ^ model.hashCode();
		for (String text : texts) {
			hash = 31 * hash + text.hashCode();
		}
		return hash;
	}

	private static List<float[]> read(Path file, long fingerprint, int expected) throws IOException {
		try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
			if (in.readInt() != MAGIC || in.readLong() != fingerprint) {
				return null;
			}
			int count = in.readInt();
			int dimensions = in.readInt();
			if (count != expected) {
				return null;
			}
			List<float[]> vectors = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				float[] vector = new float[dimensions];
				for (int d = 0; d < dimensions; d++) {
					vector[d] = in.readFloat();
				}
				vectors.add(vector);
			}
			return vectors;
		}
	}

	private static void write(Path file, long fingerprint, List<float[]> vectors) throws IOException {
		Path temporary = file.resolveSibling(file.getFileName() + ".part");
		try (DataOutputStream out = new DataOutputStream(
				new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16))) {
			out.writeInt(MAGIC);
			out.writeLong(fingerprint);
			out.writeInt(vectors.size());
			out.writeInt(vectors.isEmpty() ? 0 : vectors.get(0).length);
			for (float[] vector : vectors) {
				for (float value : vector) {
					out.writeFloat(value);
				}
			}
		}
		Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
