package dev.eaw.mlops;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** One page of a search; {@code nextPageToken} is null on the last page. */
public record Page<T>(List<T> items, @Nullable String nextPageToken) {
}
