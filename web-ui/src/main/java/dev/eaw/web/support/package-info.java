@org.jspecify.annotations.NullMarked
package dev.eaw.web.support;
