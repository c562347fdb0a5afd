package dev.eaw.insights.forecast;

/** A model fitted to one series: its in-sample expected values and its forecasts beyond the history. */
interface Fit {

	/** Expected value at each history position (one-step-ahead for ETS, the smooth curve for regressions). */
	double[] fitted();

	/** Point forecasts for the next {@code horizon} steps. */
	double[] forecast(int horizon);

}
