package dev.eaw.insights.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import dev.eaw.insights.MlModels;

/** SNOWFLAKE.ML models in {@code insights.ml_models}. */
@Service
class JdbcMlModels implements MlModels {

	private static final String SELECT = "SELECT name, kind, owner, comment, series, rows_used, created_on, payload "
			+ "FROM insights.ml_models ";

	private final JdbcClient jdbc;

	JdbcMlModels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<MlModel> find(String name) {
		return jdbc.sql(SELECT + "WHERE name = ?").param(name).query(JdbcMlModels::model).optional();
	}

	@Override
	public List<MlModel> visibleTo(String user, boolean admin) {
		return jdbc.sql(SELECT + "WHERE ? OR owner = ? ORDER BY name").params(admin, user).query(JdbcMlModels::model).list();
	}

	@Override
	public void save(MlModel model) {
		jdbc.sql("INSERT INTO insights.ml_models (name, kind, owner, comment, series, rows_used, payload) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO UPDATE SET kind = EXCLUDED.kind, "
				+ "owner = EXCLUDED.owner, comment = EXCLUDED.comment, series = EXCLUDED.series, "
				+ "rows_used = EXCLUDED.rows_used, payload = EXCLUDED.payload, created_on = now()")
			.params(model.name(), model.kind(), model.owner(), model.comment(), model.series(), model.rows(),
					model.payload())
			.update();
	}

	@Override
	public boolean delete(String name) {
		return jdbc.sql("DELETE FROM insights.ml_models WHERE name = ?").param(name).update() > 0;
	}

	private static MlModel model(ResultSet rs, int row) throws SQLException {
		return new MlModel(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
				rs.getLong(6), rs.getTimestamp(7).toInstant(), rs.getString(8));
	}

}
