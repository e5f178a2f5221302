package io.findingflow.jobs.sink;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster every job IT runs its graph on: one task manager with two slots (parallelism 2). */
public final class JobTestCluster {

    private JobTestCluster() {}

    public static MiniClusterExtension twoSlots() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());
    }
}
