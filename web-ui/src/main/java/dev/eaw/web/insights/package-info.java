/** The Insights pages and REST API: datasets, the SQL workbench, saved queries and the dashboard. */
@org.jspecify.annotations.NullMarked
package dev.eaw.web.insights;
