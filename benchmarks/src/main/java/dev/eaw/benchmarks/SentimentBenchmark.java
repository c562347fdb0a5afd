package dev.eaw.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.eaw.insights.ai.Embedder;
import dev.eaw.insights.ai.SentimentModel;
import dev.eaw.insights.ai.Vader;

/**
 * {@code sentiment}: binary sentiment accuracy of the SQL workbench's SENTIMENT function on a labelled file
 * ({@code text<TAB>0/1}, header line optional), e.g. {@code ../shared/data/sentiment/sst2-dev.tsv}. A score
 * {@code ≥ 0} counts as positive. Rows: the VADER rules alone (the fallback), one perceptron of our head, and our
 * default (the whole ensemble), all over the same texts; {@code texts_per_s} includes embedding, one thread of calls
 * to {@code scoreAll}, after a short warm-up. {@code --weights} measures a head file from the trainer instead of the
 * shipped one.
 */
final class SentimentBenchmark implements BenchmarkCommand {

	@Override
	public String name() {
		return "sentiment";
	}

	@Override
	public String usage() {
		return "sentiment --data ../shared/data/sentiment/sst2-dev.tsv [--limit N] [--weights head.json]";
	}

	@Override
	public List<Row> run(Flags flags) throws Exception {
		List<String> texts = new ArrayList<>();
		List<Integer> labels = new ArrayList<>();
		int limit = flags.integer("limit", Integer.MAX_VALUE);
		for (String line : Files.readAllLines(flags.existing("data"), StandardCharsets.UTF_8)) {
			int tab = line.lastIndexOf('\t');
			String label = tab < 0 ? "" : line.substring(tab + 1).strip();
			if ((label.equals("0") || label.equals("1")) && texts.size() < limit) {
				texts.add(line.substring(0, tab).strip());
				labels.add(Integer.parseInt(label));
			}
		}
		if (texts.isEmpty()) {
			throw new IllegalArgumentException("--data has no text<TAB>0/1 rows");
		}
		Vader vader = Vader.load();
		Embedder embedder = Embedder.bgeSmall();
		SentimentModel model = flags.has("weights") ? SentimentModel.load(embedder, flags.existing("weights"))
				: SentimentModel.load(embedder);
		model.scoreAll(texts.subList(0, Math.min(32, texts.size())));
		List<Row> rows = new ArrayList<>();
		rows.add(measure("VADER (rules)", texts, labels, batch -> {
			double[] scores = new double[batch.size()];
			for (int i = 0; i < scores.length; i++) {
				scores[i] = vader.compound(batch.get(i));
			}
			return scores;
		}));
		if (model.members() > 1) {
			SentimentModel single = model.withMembers(1);
			rows.add(measure("bge-small-q [" + model.views() + "] + 1 MLP", texts, labels, single::scoreAll));
		}
		String name = "ours: bge-small-q [" + model.views() + "] + head (" + model.members() + " MLPs)";
		rows.add(measure(name, texts, labels, model::scoreAll).asDefault());
		return rows;
	}

	private static Row measure(String system, List<String> texts, List<Integer> labels,
			Function<List<String>, double[]> scorer) {
		long start = System.nanoTime();
		double[] scores = scorer.apply(texts);
		double seconds = (System.nanoTime() - start) / 1e9;
		int[][] confusion = new int[2][2];
		for (int i = 0; i < scores.length; i++) {
			confusion[labels.get(i)][scores[i] >= 0 ? 1 : 0]++;
		}
		double accuracy = (confusion[0][0] + confusion[1][1]) / (double) scores.length;
		double macroF1 = (f1(confusion, 0) + f1(confusion, 1)) / 2;
		return Row.of(system)
			.metric("accuracy", accuracy)
			.metric("macro_f1", macroF1)
			.metric("texts_per_s", scores.length / seconds)
			.metric("texts", scores.length);
	}

	/** F1 of class {@code c} from a confusion matrix indexed [truth][prediction]. */
	static double f1(int[][] confusion, int c) {
		int truePositive = confusion[c][c];
		int predicted = confusion[0][c] + confusion[1][c];
		int actual = confusion[c][0] + confusion[c][1];
		return truePositive == 0 ? 0 : 2.0 * truePositive / (predicted + actual);
	}

}
