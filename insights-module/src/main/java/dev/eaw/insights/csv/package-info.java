/** Internal: reading CSV files — parsing, delimiter/header/type inference and value conversion for COPY. */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights.csv;
