package dev.eaw.mlops.tracking;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.eaw.mlops.TrackingError;
import dev.eaw.mlops.tracking.SearchFilter.Clause;
import dev.eaw.mlops.tracking.SearchFilter.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one MLflow filter parser that runs, logged models and the registry share. MLflow tokenizes filters with
 * sqlparse (mlflow/mlflow mlflow/utils/search_utils.py, {@code SearchUtils._get_value}/{@code _strip_quotes}), where
 * a string literal is SQL's: {@code 'O''Brien'} is one literal, a doubled quote standing for one quote; keys with
 * special characters are backquoted or double-quoted ({@code tags.`my key`}, {@code tags."extra-key"}).
 */
class SearchFilterTests {

	@Test
	void aDoubledQuoteInAStringLiteralIsOneQuote() {
		assertThat(SearchFilter.parse("params.name = 'O''Brien'"))
			.containsExactly(new Clause(Kind.PARAM, "name", "=", "O'Brien"));
		assertThat(SearchFilter.parse("tags.t = \"say \"\"hi\"\"\" AND params.p != ''''"))
			.containsExactly(new Clause(Kind.TAG, "t", "=", "say \"hi\""), new Clause(Kind.PARAM, "p", "!=", "'"));
		assertThat(SearchFilter.parse("name IN ('O''Brien', 'x')"))
			.containsExactly(new Clause(Kind.ATTRIBUTE, "name", "IN", List.of("O'Brien", "x")));
	}

	@Test
	void backquotedAndDoubleQuotedKeysMayHoldAnyCharacter() {
		assertThat(SearchFilter.parse("tags.`my key` = 'v' AND params.\"a-b.c\" LIKE 'x%' AND metrics.`m``1` > 0.5"))
			.containsExactly(new Clause(Kind.TAG, "my key", "=", "v"), new Clause(Kind.PARAM, "a-b.c", "LIKE", "x%"),
					new Clause(Kind.METRIC, "m`1", ">", 0.5));
		assertThat(SearchFilter.parse("`name` = 'm'")).containsExactly(new Clause(Kind.ATTRIBUTE, "name", "=", "m"));
	}

	@Test
	void anUnterminatedLiteralOrAStrayTokenIsRefused() {
		assertThatThrownBy(() -> SearchFilter.parse("params.name = 'O'Brien'")).isInstanceOf(TrackingError.class)
			.hasMessageContaining("expected AND");
		assertThatThrownBy(() -> SearchFilter.parse("params.name = 'O''Brien")).isInstanceOf(TrackingError.class)
			.hasMessageContaining("unterminated");
		assertThatThrownBy(() -> SearchFilter.parse("metrics.a > 1 AND")).isInstanceOf(TrackingError.class);
	}

	@Test
	void orderByClausesTakeQuotedKeysToo() {
		assertThat(SearchFilter.orderBy(List.of("metrics.`val loss` DESC", "name")))
			.containsExactly(new SearchFilter.Order(Kind.METRIC, "val loss", false),
					new SearchFilter.Order(Kind.ATTRIBUTE, "name", true));
	}

}
