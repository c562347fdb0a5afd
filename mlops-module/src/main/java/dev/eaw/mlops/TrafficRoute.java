package dev.eaw.mlops;

/** One route of a traffic split: a version or alias and the percentage of requests it gets. */
public record TrafficRoute(String target, int percent) {
}
