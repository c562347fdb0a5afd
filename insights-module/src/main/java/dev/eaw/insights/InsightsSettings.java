package dev.eaw.insights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Insights module ({@code eaw.insights.*}, {@code EAW_INSIGHTS_*}).
 *
 * @param rowCap the most rows a query returns; the response says when it cut
 * @param timeout how long a query may run
 * @param samples whether the demo datasets and dashboard are created on first start
 * @param warmUp whether the demo's AI results are computed in the background after start
 * @param maxScannedRows the most rows one query may read from PostgreSQL over all its scans; more is a 400
 * @param maxQueriesPerUser the most queries one user runs at once; more wait briefly, then get a 429
 */
@ConfigurationProperties("eaw.insights")
record InsightsSettings(@DefaultValue("10000") int rowCap, @DefaultValue("180s") Duration timeout,
		@DefaultValue("true") boolean samples, @DefaultValue("true") boolean warmUp,
		@DefaultValue("1000000") long maxScannedRows, @DefaultValue("2") int maxQueriesPerUser) {
}
