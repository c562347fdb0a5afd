@org.jspecify.annotations.NullMarked
package dev.eaw.web.home;
