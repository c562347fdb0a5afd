/**
 * Time-series forecasting and anomaly detection in plain Java: step inference and gap filling ({@link TimeGrid}),
 * seasonal naive, ETS / Holt-Winters and a Prophet-style decomposable regression, chosen per series by holdout error
 * ({@link Forecaster} is the entry point).
 */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights.forecast;
