package dev.eaw.insights.sql;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.eaw.kernel.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the SNOWFLAKE.ML model statements; everything else is left to the query path. */
class MlStatementTests {

	@Test
	void createWithEveryInputReference() {
		// https://docs.snowflake.com/sql-reference/classes/forecast/commands/create-forecast
		MlStatement create = MlStatement.parse("""
				CREATE OR REPLACE SNOWFLAKE.ML.FORECAST my_db.my_schema.Model1(
				  INPUT_DATA => SYSTEM$REFERENCE('TABLE', 'Sales'),
				  SERIES_COLNAME => 'store', TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue',
				  CONFIG_OBJECT => {'ON_ERROR': 'SKIP', 'evaluate': TRUE, 'evaluation_config': {'n_splits': 2}}
				) COMMENT = 'daily';""");
		assertThat(create.verb()).isEqualTo("CREATE");
		assertThat(create.modelClass()).isEqualTo("FORECAST");
		assertThat(create.name()).isEqualTo("model1");
		assertThat(create.orReplace()).isTrue();
		assertThat(create.args().get("INPUT_DATA")).isEqualTo(new MlStatement.InputData("SELECT * FROM \"sales\""));
		assertThat(create.text("TARGET_COLNAME")).isEqualTo("revenue");
		assertThat(create.text("COMMENT")).isEqualTo("daily");
		assertThat(create.config()).containsEntry("on_error", "SKIP").containsEntry("evaluate", true)
			.containsEntry("evaluation_config", Map.of("n_splits", 2.0));
		assertThat(MlStatement.parse("CREATE SNOWFLAKE.ML.ANOMALY_DETECTION d(INPUT_DATA => TABLE(sales), "
				+ "TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue', LABEL_COLNAME => '')")
			.args()
			.get("INPUT_DATA")).isEqualTo(new MlStatement.InputData("SELECT * FROM \"sales\""));
		assertThat(MlStatement.parse("CREATE SNOWFLAKE.ML.FORECAST f(INPUT_DATA => "
				+ "SYSTEM$QUERY_REFERENCE('SELECT sale_date, revenue FROM sales WHERE store = ''north'''), "
				+ "TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue')")
			.args()
			.get("INPUT_DATA")).isEqualTo(new MlStatement.InputData("SELECT sale_date, revenue FROM sales WHERE store = 'north'"));
		MlStatement dollars = MlStatement.parse("CREATE SNOWFLAKE.ML.FORECAST f(INPUT_DATA => "
				+ "SYSTEM$QUERY_REFERENCE($$SELECT * FROM sales$$), CONFIG_OBJECT => {'aggregation_threshold': -1.5})");
		assertThat(dollars.args().get("INPUT_DATA")).isEqualTo(new MlStatement.InputData("SELECT * FROM sales"));
		assertThat(dollars.config()).containsEntry("aggregation_threshold", -1.5);
	}

	@Test
	void callsShowAndDrop() {
		// https://docs.snowflake.com/en/sql-reference/classes/forecast/methods/forecast
		MlStatement call = MlStatement.parse("CALL model1!FORECAST(FORECASTING_PERIODS => 3, "
				+ "CONFIG_OBJECT => {'prediction_interval': 0.9});");
		assertThat(call.verb()).isEqualTo("CALL");
		assertThat(call.method()).isEqualTo("FORECAST");
		assertThat(call.args()).containsEntry("FORECASTING_PERIODS", 3.0);
		assertThat(call.config()).containsEntry("prediction_interval", 0.9);
		MlStatement table = MlStatement.parse("SELECT * FROM TABLE(detector!DETECT_ANOMALIES(INPUT_DATA => TABLE(sales), "
				+ "TIMESTAMP_COLNAME => 'sale_date', TARGET_COLNAME => 'revenue'))");
		assertThat(table.method()).isEqualTo("DETECT_ANOMALIES");
		assertThat(MlStatement.parse("CALL m!SHOW_EVALUATION_METRICS()").args()).isEmpty();
		// https://docs.snowflake.com/en/sql-reference/classes/forecast/commands/show-forecast
		MlStatement show = MlStatement.parse("SHOW SNOWFLAKE.ML.FORECAST INSTANCES LIKE '%sales%'");
		assertThat(show.like()).isEqualTo("%sales%");
		MlStatement drop = MlStatement.parse("DROP SNOWFLAKE.ML.ANOMALY_DETECTION IF EXISTS detector");
		assertThat(drop.ifExists()).isTrue();
		assertThat(drop.name()).isEqualTo("detector");
	}

	@Test
	void queriesAndOtherStatementsAreNotModelStatements() {
		assertThat(MlStatement.parse("SELECT * FROM sales WHERE store != 'north'")).isNull();
		assertThat(MlStatement.parse("SELECT * FROM TABLE(FORECAST('sales', 'sale_date', 'revenue', 3))")).isNull();
		assertThat(MlStatement.parse("CREATE TABLE t (a int)")).isNull();
		assertThat(MlStatement.parse("DROP TABLE sales")).isNull();
		assertThat(MlStatement.parse("CALL pg_sleep(1)")).isNull();
		assertThat(MlStatement.parse("SELECT 'unterminated")).isNull();
	}

	@Test
	void mistakesAreExplained() {
		assertThatThrownBy(() -> MlStatement.parse("CREATE SNOWFLAKE.ML.CLASSIFICATION c(INPUT_DATA => TABLE(t))"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("SNOWFLAKE.ML.FORECAST or SNOWFLAKE.ML.ANOMALY_DETECTION");
		assertThatThrownBy(() -> MlStatement.parse("CREATE SNOWFLAKE.ML.FORECAST f('sales', 'store', 'd', 'v')"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("Name each argument");
		assertThatThrownBy(() -> MlStatement.parse("CALL m!FORECAST(FORECASTING_PERIODS => 3); DROP TABLE sales"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("Unexpected");
	}

}
