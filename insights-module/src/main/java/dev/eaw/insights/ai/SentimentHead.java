package dev.eaw.insights.ai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trained classifier on top of the sentence features: an ensemble of small multi-layer perceptrons (one hidden
 * ReLU layer, one logistic output), whose probabilities of "positive" are averaged. Inputs are standardized with the
 * training set's mean and scale first. Weights are stored row-major by input feature ({@code w1[f * hidden + h]}),
 * which keeps the inner loops simple for the JIT to vectorize.
 *
 * <p>File format (JSON, written by {@code SentimentTrainer}): {@code version}, {@code embedding} (the model's name),
 * {@code features}, {@code hidden}, {@code mean}, {@code scale} and {@code members} (each {@code w1}, {@code b1},
 * {@code w2}, {@code b2}). Float arrays are base64 of little-endian float32, which keeps the file compact and exact.
 * Immutable once built and thread-safe.
 */
public final class SentimentHead {

	private final String version;

	private final String embedding;

	private final int features;

	private final int hidden;

	private final float[] mean;

	private final float[] scale;

	private final List<Member> members;

	/** One perceptron: {@code w1} is features × hidden, {@code w2} hidden. */
	public record Member(float[] w1, float[] b1, float[] w2, float b2) {
	}

	public SentimentHead(String version, String embedding, int hidden, float[] mean, float[] scale,
			List<Member> members) {
		if (members.isEmpty() || mean.length != scale.length) {
			throw new IllegalArgumentException("A head needs at least one member and matching mean/scale");
		}
		for (Member member : members) {
			if (member.w1().length != mean.length * hidden || member.b1().length != hidden
					|| member.w2().length != hidden) {
				throw new IllegalArgumentException("Member weights do not match " + mean.length + "×" + hidden);
			}
		}
		this.version = version;
		this.embedding = embedding;
		this.features = mean.length;
		this.hidden = hidden;
		this.mean = mean;
		this.scale = scale;
		this.members = List.copyOf(members);
	}

	public String version() {
		return version;
	}

	/** The name of the embedding model the head was trained on, e.g. {@link Embedder#BGE_SMALL_Q}. */
	public String embedding() {
		return embedding;
	}

	public int features() {
		return features;
	}

	/** How many perceptrons are averaged. */
	public int members() {
		return members.size();
	}

	/** The same head with only its first {@code count} members (to measure what the ensemble adds). */
	public SentimentHead firstMembers(int count) {
		List<Member> kept = members.subList(0, Math.max(1, Math.min(count, members.size())));
		return new SentimentHead(version + "-m" + kept.size(), embedding, hidden, mean, scale, kept);
	}

	/** The ensemble's probability that the features describe a positive text. */
	public double probability(float[] input) {
		if (input.length != features) {
			throw new IllegalArgumentException("Expected " + features + " features, got " + input.length);
		}
		float[] x = new float[features];
		for (int f = 0; f < features; f++) {
			x[f] = (input[f] - mean[f]) / scale[f];
		}
		double sum = 0;
		float[] z = new float[hidden];
		for (Member member : members) {
			sum += sigmoid(logit(member, x, z));
		}
		return sum / members.size();
	}

	/** The output logit of one member for standardized input {@code x}; {@code z} is scratch space (hidden). */
	public static double logit(Member member, float[] x, float[] z) {
		int hidden = z.length;
		System.arraycopy(member.b1(), 0, z, 0, hidden);
		float[] w1 = member.w1();
		for (int f = 0; f < x.length; f++) {
			float xf = x[f];
			if (xf != 0) {
				int row = f * hidden;
				for (int h = 0; h < hidden; h++) {
					z[h] += xf * w1[row + h];
				}
			}
		}
		double out = member.b2();
		float[] w2 = member.w2();
		for (int h = 0; h < hidden; h++) {
			if (z[h] > 0) {
				out += z[h] * w2[h];
			}
		}
		return out;
	}

	public static double sigmoid(double x) {
		return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
	}

	/** The head as compact JSON (see the class comment). */
	public String toJson() {
		StringBuilder json = new StringBuilder("{\n");
		json.append("\"version\":\"").append(version).append("\",\n");
		json.append("\"embedding\":\"").append(embedding).append("\",\n");
		json.append("\"features\":").append(features).append(",\n");
		json.append("\"hidden\":").append(hidden).append(",\n");
		json.append("\"mean\":\"").append(encode(mean)).append("\",\n");
		json.append("\"scale\":\"").append(encode(scale)).append("\",\n");
		json.append("\"members\":[");
		for (int m = 0; m < members.size(); m++) {
			Member member = members.get(m);
			json.append(m == 0 ? "\n" : ",\n").append("{\"w1\":\"").append(encode(member.w1()));
			json.append("\",\"b1\":\"").append(encode(member.b1()));
			json.append("\",\"w2\":\"").append(encode(member.w2()));
			json.append("\",\"b2\":").append(String.format(Locale.ROOT, "%.9g", member.b2())).append('}');
		}
		return json.append("\n]\n}\n").toString();
	}

	/** Reads what {@link #toJson()} wrote. */
	@SuppressWarnings("unchecked")
	public static SentimentHead fromJson(String text) {
		Map<String, Object> json = (Map<String, Object>) MiniJson.parse(text);
		int hidden = ((Number) json.get("hidden")).intValue();
		List<Member> members = new ArrayList<>();
		for (Object item : (List<Object>) json.get("members")) {
			Map<String, Object> member = (Map<String, Object>) item;
			members.add(new Member(decode(member.get("w1")), decode(member.get("b1")), decode(member.get("w2")),
					((Number) member.get("b2")).floatValue()));
		}
		SentimentHead head = new SentimentHead((String) json.get("version"), (String) json.get("embedding"), hidden,
				decode(json.get("mean")), decode(json.get("scale")), members);
		if (head.features != ((Number) json.get("features")).intValue()) {
			throw new IllegalArgumentException("features does not match the weights");
		}
		return head;
	}

	private static String encode(float[] values) {
		ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
		buffer.asFloatBuffer().put(values);
		return Base64.getEncoder().encodeToString(buffer.array());
	}

	private static float[] decode(Object base64) {
		byte[] bytes = Base64.getDecoder().decode((String) base64);
		float[] values = new float[bytes.length / 4];
		ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
		return values;
	}

}
