/** Internal: the demo datasets and dashboard the application creates on first start. */
@org.jspecify.annotations.NullMarked
package dev.eaw.insights.samples;
