package dev.eaw.insights;

/** The types a CSV column can be loaded as, with the PostgreSQL type each becomes. */
public enum ColumnType {

	INTEGER("bigint"), DECIMAL("double precision"), BOOLEAN("boolean"), DATE("date"), TIMESTAMP("timestamp"),
	TEXT("text");

	private final String sqlType;

	ColumnType(String sqlType) {
		this.sqlType = sqlType;
	}

	public String sqlType() {
		return sqlType;
	}

	/** The type a PostgreSQL column of this catalogue name was created as; TEXT when unknown. */
	public static ColumnType ofSqlType(String sqlType) {
		for (ColumnType type : values()) {
			if (type.sqlType.equalsIgnoreCase(sqlType)) {
				return type;
			}
		}
		if (sqlType.equals("numeric") || sqlType.equals("real")) {
			return DECIMAL;
		}
		if (sqlType.equals("integer") || sqlType.equals("smallint")) {
			return INTEGER;
		}
		return sqlType.startsWith("timestamp") ? TIMESTAMP : TEXT;
	}

}
