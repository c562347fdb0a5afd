package dev.eaw.insights.samples;

import java.io.IOException;
import java.io.Writer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The {@code sales} demo dataset: daily revenue and units of four stores from 2023-01-01 to 2025-12-31 (4 × 1,096
 * rows), columns {@code sale_date, store, revenue, units}. Deterministic (seed 7). Revenue = store base × (1 + 12% a
 * year trend) × weekly pattern (weekends +35%) × yearly cycle (±15%, peak in December) × holiday lift (Black Friday
 * ×2.2, the week before Christmas ×1.6, Independence Day ×1.3) × noise (σ 5%), plus injected anomalies listed in
 * {@link #ANOMALIES} (a store closure, a data glitch, a promotion spike).
 */
public final class SalesSample {

	private static final List<String> STORES = List.of("north", "south", "east", "west");

	private static final Map<String, Double> BASE = Map.of("north", 5200.0, "south", 3900.0, "east", 4600.0, "west",
			3100.0);

	/** Day and store of each injected anomaly, with the factor applied. */
	static final Map<String, Double> ANOMALIES = Map.of("2024-03-12/north", 0.15, "2024-08-20/east", 3.0,
			"2025-05-06/south", 0.2, "2025-09-15/north", 2.6, "2025-11-03/west", 0.1);

	private SalesSample() {
	}

	public static void write(Writer out) throws IOException {
		Random random = new Random(7);
		out.write("sale_date,store,revenue,units\n");
		LocalDate start = LocalDate.of(2023, 1, 1);
		for (LocalDate day = start; day.getYear() <= 2025; day = day.plusDays(1)) {
			for (String store : STORES) {
				double years = (day.toEpochDay() - start.toEpochDay()) / 365.25;
				double value = BASE.get(store) * (1 + 0.12 * years) * weekly(day) * yearly(day) * holiday(day)
						* (1 + 0.05 * random.nextGaussian());
				value *= ANOMALIES.getOrDefault(day + "/" + store, 1.0);
				long units = Math.max(0, Math.round(value / (18 + random.nextDouble() * 4)));
				out.write(day + "," + store + "," + String.format(Locale.ROOT, "%.2f", value) + "," + units + "\n");
			}
		}
	}

	private static double weekly(LocalDate day) {
		return switch (day.getDayOfWeek()) {
			case SATURDAY -> 1.35;
			case SUNDAY -> 1.25;
			case MONDAY -> 0.85;
			default -> 1.0;
		};
	}

	private static double yearly(LocalDate day) {
		return 1 + 0.15 * Math.cos(2 * Math.PI * (day.getDayOfYear() - 350) / 365.25);
	}

	private static double holiday(LocalDate day) {
		LocalDate thanksgiving = LocalDate.of(day.getYear(), Month.NOVEMBER, 1)
			.with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
		if (day.equals(thanksgiving.plusDays(1))) {
			return 2.2;
		}
		if (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 17 && day.getDayOfMonth() <= 24) {
			return 1.6;
		}
		if (day.getMonth() == Month.JULY && day.getDayOfMonth() == 4) {
			return 1.3;
		}
		return 1.0;
	}

}
