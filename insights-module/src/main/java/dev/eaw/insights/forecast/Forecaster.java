package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Forecasts one series and flags anomalies in it. The step is inferred from the timestamps (hourly, daily, weekly,
 * monthly…), gaps and NaN values are interpolated for fitting, and candidate seasonal periods follow from the step
 * (hourly 24 and 168, daily 7 and 365.25, weekly 52.18, monthly 12) when the history covers two of them. Candidates
 * are seasonal naive (first two seasons), ETS / Holt-Winters with damped trend (one per seasonal period, plus a
 * Fourier-deseasonalized variant, damped or level-only, for several seasonalities at once) and a Prophet-style
 * regression (straight or damped trend continuation), each on the raw values and, for positive series, also on
 * their logarithm, and the M4 competition's benchmarks (Naive1, Naive2, SES, Holt, Damped, Theta, Comb on the
 * series seasonally adjusted for the shortest season, see {@link M4Method}). The default per series is the best by
 * rolling-origin holdout error (up to three windows of min(horizon, 20% of history) points, or up to six half a
 * window apart when three do not fit, see {@link Selection}), or the mean of the best two or three, refitted on the
 * whole history; a history too short for three windows gets M4's Comb. Intervals come from {@link Intervals}.
 * Thread-safe; callers loop over their series.
 */
public final class Forecaster {

	/** All method families. */
	public static final Set<String> FAMILIES = Set.of("seasonal-naive", "ets", "prophet-style", "m4");

	/** The M4 competition's benchmark methods, for {@link #m4(String, int)}. */
	public static final List<String> M4_METHODS = java.util.Arrays.stream(M4Method.Kind.values())
		.map(M4Method.Kind::label).toList();

	private static final double CHANGEPOINT_PENALTY = 10;

	private static final double DAMPING = 0.97;

	private final Set<String> families;

	/** Only this M4 benchmark method (no choice), or null. */
	private final M4Method.@Nullable Kind only;

	/** Seasonal period of the M4 methods; 0: the shortest one the time step suggests. */
	private final int m4Season;

	/** The default: all methods compete per series. */
	public Forecaster() {
		this(FAMILIES);
	}

	private Forecaster(M4Method.Kind only, int m4Season) {
		this.families = Set.of("m4");
		this.only = only;
		this.m4Season = m4Season;
	}

	/**
	 * One M4 benchmark method alone, as the M4 competition defines it (for comparisons).
	 * @param method one of {@link #M4_METHODS}, e.g. {@code Comb}
	 * @param season seasonal period for the seasonal adjustment (M4: 24 hourly, 12 monthly, 4 quarterly, 1
	 *     otherwise); 0 for the shortest one the time step suggests
	 */
	public static Forecaster m4(String method, int season) {
		if (season < 0) {
			throw new IllegalArgumentException("season must be 0 or more, got " + season);
		}
		return new Forecaster(java.util.Arrays.stream(M4Method.Kind.values())
			.filter(k -> k.label().equalsIgnoreCase(method))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("method must be one of " + M4_METHODS + ", got " + method)),
				season);
	}

	/** Restricted to some method families, e.g. {@code Set.of("ets")} (for comparisons). */
	public Forecaster(Set<String> families) {
		if (families.isEmpty() || !FAMILIES.containsAll(families)) {
			throw new IllegalArgumentException("families must be a non-empty subset of " + FAMILIES + ", got " + families);
		}
		this.families = Set.copyOf(families);
		this.only = null;
		this.m4Season = 0;
	}

	/**
	 * Forecasts the next {@code horizon} steps.
	 * @param ts ascending timestamps, possibly with gaps (missing steps)
	 * @param values one value per timestamp, NaN for missing
	 * @param horizon number of future steps, at least 1
	 * @param interval coverage of the prediction interval, in (0,1), e.g. 0.95
	 * @throws IllegalArgumentException on too few points, bad horizon or interval, or irregular timestamps
	 */
	public ForecastResult forecast(List<LocalDateTime> ts, double[] values, int horizon, double interval) {
		if (horizon < 1 || horizon > 100_000) {
			throw new IllegalArgumentException("horizon must be between 1 and 100000 steps, got " + horizon);
		}
		checkInterval(interval);
		Series series = Series.of(ts, values);
		int n = series.length();
		int holdout = Math.min(horizon, Math.max(1, n / 5));
		double[] periods = series.grid().seasonalPeriods(n - holdout);
		List<Candidate> candidates = candidates(series, periods);
		double longest = periods.length == 0 ? 1 : periods[periods.length - 1];
		Candidate fallback = candidates.stream().filter(c -> c.method() instanceof M4Method m
				&& m.kind() == M4Method.Kind.COMB).findFirst().orElse(null);
		Selection selection = Selection.choose(series, candidates, holdout,
				(int) Math.max(Series.MIN_POINTS, Math.min(2 * longest, n - holdout)), fallback);
		List<Fit> fits = selection.members().stream().map(series::fit).toList();
		double[] forecast = Selection.mean(fits.stream().map(f -> f.forecast(horizon)).toList());
		double[] fitted = Selection.mean(fits.stream().map(Fit::fitted).toList());
		double[][] bands = Intervals.bands(series, fitted, forecast, selection, interval);
		return new ForecastResult(selection.name(), series.grid().future(horizon), forecast, bands[0], bands[1]);
	}

	/**
	 * Checks every observed point against a robust in-sample fit (see {@link AnomalyDetector}).
	 * @param interval band coverage in (0,1); 0.99 is a good default
	 */
	public AnomalyResult detectAnomalies(List<LocalDateTime> ts, double[] values, double interval) {
		checkInterval(interval);
		Series series = Series.of(ts, values);
		return AnomalyDetector.detect(series, ts, values, interval);
	}

	private static void checkInterval(double interval) {
		if (!(interval > 0 && interval < 1)) {
			throw new IllegalArgumentException(
					"interval must be strictly between 0 and 1 (e.g. 0.95 for a 95% interval), got " + interval);
		}
	}

	/**
	 * A season made a whole multiple of the shorter one when it nearly is: a daily series' year becomes 364 days (52
	 * weeks), so copying last year keeps Saturdays on Saturdays.
	 */
	static int aligned(int season, List<Integer> shorter) {
		for (int s : shorter) {
			int multiple = (int) Math.round((double) season / s) * s;
			if (multiple > 0 && season % s != 0 && Math.abs(multiple - season) <= 0.02 * season) {
				return multiple;
			}
		}
		return season;
	}

	/** Candidate methods for the seasonal periods the training history supports. */
	List<Candidate> candidates(Series series, double[] periods) {
		List<Integer> seasons = new ArrayList<>();
		for (double p : periods) {
			long m = Math.round(p);
			if (Math.abs(p - m) <= 0.25 && m <= 400) {
				seasons.add(aligned((int) m, seasons));
			}
		}
		List<Method> methods = new ArrayList<>();
		int m4 = m4Season > 0 ? m4Season : seasons.isEmpty() ? 1 : seasons.get(0);
		if (only != null) {
			return List.of(new Candidate(new M4Method(only, m4), false));
		}
		if (families.contains("m4")) {
			methods.addAll(M4Method.all(m4));
		}
		if (families.contains("seasonal-naive")) {
			methods.add(new SeasonalNaive(seasons.isEmpty() ? 1 : seasons.get(0)));
			if (seasons.size() > 1) {
				methods.add(new SeasonalNaive(seasons.get(1)));
			}
		}
		if (families.contains("ets")) {
			if (seasons.isEmpty()) {
				methods.add(new HoltWinters(0, true));
			}
			seasons.forEach(m -> methods.add(new HoltWinters(m, true)));
			if (periods.length > 0) {
				ProphetStyle seasonal = new ProphetStyle(periods, CHANGEPOINT_PENALTY, 1);
				methods.add(new FourierEts(seasonal, true));
				methods.add(new FourierEts(seasonal, false));
			}
		}
		if (families.contains("prophet-style")) {
			methods.add(new ProphetStyle(periods, CHANGEPOINT_PENALTY, 1));
			methods.add(new ProphetStyle(periods, CHANGEPOINT_PENALTY, DAMPING));
		}
		boolean positive = series.positive();
		List<Candidate> out = new ArrayList<>();
		for (Method method : methods) {
			out.add(new Candidate(method, false));
			if (positive && !(method instanceof SeasonalNaive) && !(method instanceof M4Method)) {
				out.add(new Candidate(method, true));
			}
		}
		return out;
	}

}
