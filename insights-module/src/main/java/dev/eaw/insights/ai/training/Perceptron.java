package dev.eaw.insights.ai.training;

import java.util.SplittableRandom;

import dev.eaw.insights.ai.SentimentHead;

/**
 * Trains one member of the head: a perceptron with one hidden ReLU layer and a logistic output, on standardized
 * features. Mini-batch AdamW (decoupled L2 weight decay on the weight matrices), dropout on the inputs and on the
 * hidden units (inverted, so scoring needs no rescaling), log loss, and early stopping: after each epoch the
 * held-out slice is scored and the weights with the lowest held-out log loss so far are kept; training stops after
 * {@code patience} epochs without improvement.
 */
final class Perceptron {

	/** Hyperparameters. */
	record Settings(int hidden, double lr, double l2, double dropout, double inputDropout, int batch, int epochs,
			int patience) {
	}

	/** A trained member, the epoch whose weights it kept, and its held-out accuracy (NaN without a held-out set). */
	record Result(SentimentHead.Member member, int epochs, double accuracy) {
	}

	private Perceptron() {
	}

	/**
	 * Trains on {@code rows}; with {@code held} non-empty keeps the best epoch on it and stops early, without it
	 * trains exactly {@code s.epochs()} epochs.
	 */
	static Result train(float[][] x, int[] y, int[] rows, int[] held, Settings s, long seed,
			String name) {
		int features = x[0].length;
		int hidden = s.hidden();
		SplittableRandom random = new SplittableRandom(seed);
		float[] w1 = new float[features * hidden];
		float[] b1 = new float[hidden];
		float[] w2 = new float[hidden];
		float[] b2 = new float[1];
		double range1 = Math.sqrt(6.0 / (features + hidden));
		for (int k = 0; k < w1.length; k++) {
			w1[k] = (float) ((random.nextDouble() * 2 - 1) * range1);
		}
		double range2 = Math.sqrt(6.0 / (hidden + 1));
		for (int h = 0; h < hidden; h++) {
			w2[h] = (float) ((random.nextDouble() * 2 - 1) * range2);
		}
		float[][] params = { w1, b1, w2, b2 };
		float[][] grads = { new float[w1.length], new float[hidden], new float[hidden], new float[1] };
		float[][] m1 = { new float[w1.length], new float[hidden], new float[hidden], new float[1] };
		float[][] m2 = { new float[w1.length], new float[hidden], new float[hidden], new float[1] };
		float[][] best = copy(params);
		double bestScore = Double.NEGATIVE_INFINITY;
		int bestEpoch = 0;
		double bestAccuracy = Double.NaN;
		int stale = 0;
		int step = 0;
		int[] order = rows.clone();
		float[] input = new float[features];
		float[] z = new float[hidden];
		float[] a = new float[hidden];
		float[] dz = new float[hidden];
		double keepIn = 1 - s.inputDropout();
		double keep = 1 - s.dropout();
		for (int epoch = 1; epoch <= s.epochs(); epoch++) {
			shuffle(order, random);
			double loss = 0;
			for (int from = 0; from < order.length; from += s.batch()) {
				int to = Math.min(order.length, from + s.batch());
				for (float[] g : grads) {
					java.util.Arrays.fill(g, 0);
				}
				for (int r = from; r < to; r++) {
					float[] xi = x[order[r]];
					for (int f = 0; f < features; f++) {
						input[f] = random.nextDouble() < keepIn ? (float) (xi[f] / keepIn) : 0;
					}
					System.arraycopy(b1, 0, z, 0, hidden);
					for (int f = 0; f < features; f++) {
						float xf = input[f];
						if (xf != 0) {
							int row = f * hidden;
							for (int h = 0; h < hidden; h++) {
								z[h] += xf * w1[row + h];
							}
						}
					}
					double out = b2[0];
					for (int h = 0; h < hidden; h++) {
						a[h] = z[h] > 0 && random.nextDouble() < keep ? (float) (z[h] / keep) : 0;
						out += a[h] * w2[h];
					}
					double p = SentimentHead.sigmoid(out);
					int label = y[order[r]];
					loss -= Math.log(Math.max(1e-12, label == 1 ? p : 1 - p));
					float d = (float) (p - label);
					grads[3][0] += d;
					for (int h = 0; h < hidden; h++) {
						grads[2][h] += d * a[h];
						dz[h] = a[h] != 0 ? (float) (d * w2[h] / keep) : 0;
						grads[1][h] += dz[h];
					}
					float[] g1 = grads[0];
					for (int f = 0; f < features; f++) {
						float xf = input[f];
						if (xf != 0) {
							int row = f * hidden;
							for (int h = 0; h < hidden; h++) {
								g1[row + h] += xf * dz[h];
							}
						}
					}
				}
				step++;
				adamW(params, grads, m1, m2, step, s.lr(), s.l2(), to - from);
			}
			if (held.length == 0) {
				System.err.printf("%s epoch %d: train loss %.4f%n", name, epoch, loss / order.length);
				best = params;
				bestEpoch = epoch;
				continue;
			}
			double[] heldOut = evaluate(x, y, held, new SentimentHead.Member(w1, b1, w2, b2[0]), hidden);
			System.err.printf("%s epoch %d: train loss %.4f, held-out loss %.4f, accuracy %.4f%n", name, epoch,
					loss / order.length, heldOut[0], heldOut[1]);
			double score = -heldOut[0];
			if (score > bestScore) {
				bestScore = score;
				bestAccuracy = heldOut[1];
				bestEpoch = epoch;
				best = copy(params);
				stale = 0;
			}
			else if (++stale >= s.patience()) {
				break;
			}
		}
		return new Result(new SentimentHead.Member(best[0], best[1], best[2], best[3][0]), bestEpoch, bestAccuracy);
	}

	/** Held-out log loss (the early-stopping criterion: smoother than accuracy on a small slice) and accuracy. */
	private static double[] evaluate(float[][] x, int[] y, int[] rows, SentimentHead.Member member, int hidden) {
		float[] z = new float[hidden];
		int correct = 0;
		double loss = 0;
		for (int i : rows) {
			double p = SentimentHead.sigmoid(SentimentHead.logit(member, x[i], z));
			correct += (p >= 0.5 ? 1 : 0) == y[i] ? 1 : 0;
			loss -= Math.log(Math.max(1e-12, y[i] == 1 ? p : 1 - p));
		}
		return new double[] { loss / rows.length, correct / (double) rows.length };
	}

	private static void adamW(float[][] params, float[][] grads, float[][] m1, float[][] m2, int step, double lr,
			double l2, int batch) {
		double beta1 = 0.9;
		double beta2 = 0.999;
		float c1 = (float) (1 / (1 - Math.pow(beta1, step)));
		float c2 = (float) (1 / (1 - Math.pow(beta2, step)));
		for (int p = 0; p < params.length; p++) {
			float[] w = params[p];
			float[] g = grads[p];
			float[] m = m1[p];
			float[] v = m2[p];
			float decay = p == 0 || p == 2 ? (float) (lr * l2) : 0;
			for (int k = 0; k < w.length; k++) {
				float gk = g[k] / batch;
				m[k] = (float) (beta1 * m[k] + (1 - beta1) * gk);
				v[k] = (float) (beta2 * v[k] + (1 - beta2) * gk * gk);
				w[k] -= (float) (lr * (m[k] * c1) / (Math.sqrt(v[k] * c2) + 1e-8)) + decay * w[k];
			}
		}
	}

	private static float[][] copy(float[][] arrays) {
		float[][] copy = new float[arrays.length][];
		for (int k = 0; k < arrays.length; k++) {
			copy[k] = arrays[k].clone();
		}
		return copy;
	}

	private static void shuffle(int[] order, SplittableRandom random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int t = order[i];
			order[i] = order[j];
			order[j] = t;
		}
	}

}
