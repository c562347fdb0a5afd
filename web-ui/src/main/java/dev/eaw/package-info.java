/** The application: its modules are the direct sub-packages. */
@org.jspecify.annotations.NullMarked
package dev.eaw;
