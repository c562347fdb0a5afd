package dev.eaw.insights.samples;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import dev.eaw.insights.Column;
import dev.eaw.insights.ColumnType;
import dev.eaw.insights.CsvLayout;

/**
 * The {@code churn} demo dataset: 5,000 telecom customers, one row each, with columns {@code customer_id} (C00001 …
 * C05000), {@code tenure_months} (1–72), {@code contract} (month-to-month / one-year / two-year),
 * {@code internet_service} (fiber / dsl / none), {@code payment_method} (electronic-check / mailed-check /
 * bank-transfer / credit-card), {@code monthly_charges}, {@code total_charges}, {@code support_calls} (0–9),
 * {@code senior_citizen} (yes / no) and the label {@code churned} (yes / no). Deterministic: a
 * {@link SplittableRandom} with seed {@value #SEED}, drawn in a fixed order per row; Gaussian noise {@code g ~ N(0, 1)}
 * by Box–Muller from the same generator, so the file is the same on every JDK.
 * <p>
 * Features, per customer: tenure is {@code 1 + U{0..11}} for 30% ("new") and {@code 1 + U{0..71}} for the rest;
 * contract is month-to-month with probability {@code 0.75 − 0.6·t}, two-year with {@code 0.05 + 0.45·t}
 * ({@code t = tenure/72}), else one-year; internet fiber 44%, dsl 34%, none 22%; monthly charges
 * {@code 20 + 3g} (none), {@code 55 + 10g} (dsl), {@code 88 + 10g} (fiber), within 18.25–118.75; payment
 * electronic-check 34%, mailed-check 23%, bank-transfer 22%, credit-card 21%; support calls the number of successes
 * in 9 trials of {@code p = 0.12} ({@code 0.20} with fiber); senior 16%; total charges
 * {@code max(monthly, tenure × monthly × (1 + 0.05g))}. Charges have two decimals.
 * <p>
 * The label follows a logistic model plus noise: {@code churned = yes} with probability {@code σ(z)},
 * {@code σ(z) = 1 / (1 + e^−z)}, where
 *
 * <pre>
 * z = −2.0 + 1.3·[month-to-month] − 1.2·[two-year] + 0.8·[fiber] − 0.7·[none] + 0.6·[electronic-check]
 *     + 0.3·[senior] − 0.035·tenure + 0.35·support_calls + 0.012·(monthly_charges − 65) + 0.5g
 * </pre>
 *
 * so churn is higher for month-to-month contracts, fiber, electronic checks, short tenure, many support calls and
 * high charges. With the seed: 26.5% churn (so always answering "no" scores 0.735); a logistic regression on these
 * columns reaches 0.81 accuracy (5-fold cross-validation), a CART tree of depth 6 about 0.78, and the noise-free
 * rule {@code z − 0.5g > 0} itself 0.815.
 */
public final class ChurnSample {

	static final int ROWS = 5000;

	static final long SEED = 20_260_901L;

	static final List<String> COLUMNS = List.of("customer_id", "tenure_months", "contract", "internet_service",
			"payment_method", "monthly_charges", "total_charges", "support_calls", "senior_citizen", "churned");

	/** Loaded with this layout, not the inferred one: yes/no would otherwise become BOOLEAN. */
	static final CsvLayout LAYOUT = new CsvLayout(',', true, List.of(new Column("customer_id", ColumnType.TEXT),
			new Column("tenure_months", ColumnType.INTEGER), new Column("contract", ColumnType.TEXT),
			new Column("internet_service", ColumnType.TEXT), new Column("payment_method", ColumnType.TEXT),
			new Column("monthly_charges", ColumnType.DECIMAL), new Column("total_charges", ColumnType.DECIMAL),
			new Column("support_calls", ColumnType.INTEGER), new Column("senior_citizen", ColumnType.TEXT),
			new Column("churned", ColumnType.TEXT)));

	private ChurnSample() {
	}

	public static void write(Writer out) throws IOException {
		write(out, SEED);
	}

	static void write(Writer out, long seed) throws IOException {
		Gaussian random = new Gaussian(new SplittableRandom(seed));
		out.write(String.join(",", COLUMNS) + "\n");
		for (int id = 1; id <= ROWS; id++) {
			int tenure = 1 + (random.uniform() < 0.3 ? random.nextInt(12) : random.nextInt(72));
			double t = tenure / 72.0;
			double c = random.uniform();
			String contract = c < 0.75 - 0.6 * t ? "month-to-month" : c > 0.95 - 0.45 * t ? "two-year" : "one-year";
			double i = random.uniform();
			String internet = i < 0.44 ? "fiber" : i < 0.78 ? "dsl" : "none";
			double mean = switch (internet) {
				case "fiber" -> 88;
				case "dsl" -> 55;
				default -> 20;
			};
			double monthly = round(clamp(mean + (internet.equals("none") ? 3 : 10) * random.gaussian(), 18.25, 118.75));
			double p = random.uniform();
			String payment = p < 0.34 ? "electronic-check" : p < 0.57 ? "mailed-check" : p < 0.79 ? "bank-transfer"
					: "credit-card";
			int calls = 0;
			for (int trial = 0; trial < 9; trial++) {
				calls += random.uniform() < (internet.equals("fiber") ? 0.20 : 0.12) ? 1 : 0;
			}
			boolean senior = random.uniform() < 0.16;
			double total = round(Math.max(monthly, tenure * monthly * (1 + 0.05 * random.gaussian())));
			double z = logit(contract, internet, payment, senior, tenure, calls, monthly) + 0.5 * random.gaussian();
			boolean churned = random.uniform() < 1 / (1 + StrictMath.exp(-z));
			out.write(String.format(Locale.ROOT, "C%05d,%d,%s,%s,%s,%.2f,%.2f,%d,%s,%s\n", id, tenure, contract,
					internet, payment, monthly, total, calls, yesNo(senior), yesNo(churned)));
		}
	}

	/** The noise-free log-odds of churn, {@code z} of the class comment without {@code 0.5g}. */
	static double logit(String contract, String internet, String payment, boolean senior, int tenure, int calls,
			double monthly) {
		return -2.0 + (contract.equals("month-to-month") ? 1.3 : 0) - (contract.equals("two-year") ? 1.2 : 0)
				+ (internet.equals("fiber") ? 0.8 : 0) - (internet.equals("none") ? 0.7 : 0)
				+ (payment.equals("electronic-check") ? 0.6 : 0) + (senior ? 0.3 : 0) - 0.035 * tenure + 0.35 * calls
				+ 0.012 * (monthly - 65);
	}

	private static String yesNo(boolean value) {
		return value ? "yes" : "no";
	}

	private static double clamp(double value, double min, double max) {
		return Math.max(min, Math.min(max, value));
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

	/** Uniform and Box–Muller Gaussian draws from one {@link SplittableRandom}, the same on every JDK. */
	private static final class Gaussian {

		private final SplittableRandom random;

		Gaussian(SplittableRandom random) {
			this.random = random;
		}

		double uniform() {
			return random.nextDouble();
		}

		int nextInt(int bound) {
			return random.nextInt(bound);
		}

		double gaussian() {
			double u = 1 - random.nextDouble();
			return StrictMath.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * random.nextDouble());
		}

	}

}
