package dev.eaw.insights.sql;

import java.math.RoundingMode;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Calcite's types with PostgreSQL's habits: the average of integers is a fraction, not a truncated integer, and texts
 * of different lengths meet as VARCHAR, not as blank-padded CHAR.
 */
public final class PostgresLikeTypes extends RelDataTypeSystemImpl {

	public static final PostgresLikeTypes INSTANCE = new PostgresLikeTypes();

	/** {@code CASE … THEN 'yes' ELSE 'no' END} is {@code 'no'}, not {@code 'no '}, as in PostgreSQL and Snowflake. */
	@Override
	public boolean shouldConvertRaggedUnionTypesToVarying() {
		return true;
	}

	/** Casts to fewer decimals round half away from zero, as PostgreSQL and Snowflake do ({@code 12.5::NUMBER} is 13). */
	@Override
	public RoundingMode roundingMode() {
		return RoundingMode.HALF_UP;
	}

	@Override
	public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
		if (SqlTypeName.INT_TYPES.contains(argumentType.getSqlTypeName())) {
			return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
					argumentType.isNullable());
		}
		return super.deriveAvgAggType(typeFactory, argumentType);
	}

}
