package dev.eaw.mlops;

import java.util.List;

/** What a run logged: the latest value of each metric, its params and its tags. */
public record RunData(List<Metric> metrics, List<Param> params, List<Tag> tags) {
}
