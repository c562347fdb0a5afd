package dev.eaw.insights.forecast;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Forecast of one series: the method that produced it (e.g. {@code "ets(24,log)"} or a {@code mean(...)} of two),
 * the future timestamps at the series' step, the point forecasts and the prediction interval bounds.
 */
public record ForecastResult(String method, List<LocalDateTime> ts, double[] forecast, double[] lower, double[] upper) {
}
