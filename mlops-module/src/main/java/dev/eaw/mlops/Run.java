package dev.eaw.mlops;

import java.util.List;

/** A run: its info, its data and the datasets it logged as inputs, the shape MLflow answers with. */
public record Run(RunInfo info, RunData data, List<DatasetInput> inputs) {
}
