package dev.eaw.insights;

/** A dataset column: its SQL name (lower case, safe to type unquoted) and type. */
public record Column(String name, ColumnType type) {
}
