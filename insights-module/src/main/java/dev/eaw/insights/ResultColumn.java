package dev.eaw.insights;

/** A result column: its name and a simple type ({@code number}, {@code text}, {@code date}, {@code timestamp}, {@code boolean}). */
public record ResultColumn(String name, String type) {
}
