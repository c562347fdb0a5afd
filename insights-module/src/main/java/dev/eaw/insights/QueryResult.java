package dev.eaw.insights;

import java.util.List;

/**
 * What a query returned.
 *
 * @param rowCount rows returned (at most the row cap)
 * @param truncated whether more rows existed than the cap allows
 * @param warnings per-row problems, e.g. an AI function that failed for some rows and gave NULL there
 * @param aiCalls how many AI function calls the query made, and how many of them the cache answered
 */
public record QueryResult(List<ResultColumn> columns, List<List<Object>> rows, int rowCount, boolean truncated,
		long elapsedMs, List<String> warnings, long aiCalls, long aiCacheHits) {
}
