package io.findingflow.bench;

/** One measurement step of a run. */
@FunctionalInterface
interface Phase {
    void run() throws Exception;
}
