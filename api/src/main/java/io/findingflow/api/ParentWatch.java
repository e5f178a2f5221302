package io.findingflow.api;

import java.util.Optional;

/**
 * When started by the local stack, exit as soon as the stack's process is gone, so a killed
 * supervisor never leaves an orphaned API holding its port.
 */
final class ParentWatch {

    private ParentWatch() {}

    static void exitWhenParentDies(String parentPid) {
        if (parentPid == null || parentPid.isBlank()) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid.trim()));
        if (parent.isEmpty()) {
            System.exit(3);
        }
        parent.get().onExit().thenRun(() -> {
            System.err.println("FindingFlow API: parent process " + parentPid + " ended, exiting");
            Runtime.getRuntime().halt(0);
        });
    }
}
