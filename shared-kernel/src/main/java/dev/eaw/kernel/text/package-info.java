/** Text utilities every module shares: English sentence boundaries ({@link dev.eaw.kernel.text.Sentences}). */
@org.jspecify.annotations.NullMarked
package dev.eaw.kernel.text;
