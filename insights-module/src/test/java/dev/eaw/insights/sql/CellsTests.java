package dev.eaw.insights.sql;

import java.math.BigDecimal;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CellsTests {

	@Test
	void decimalsKeepTheirScale() throws SQLException {
		assertThat(Cells.value(new BigDecimal("48.50"))).isInstanceOf(BigDecimal.class).hasToString("48.50");
	}

}
