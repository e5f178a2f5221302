package io.findingflow.bench;

import java.io.PrintStream;

/**
 * {@code ./findingflow bench}: see {@link BenchOptions#USAGE}. Exit status 0 when every
 * measurement ran (a missed target is a finding, not a failure), 1 when one failed, 2 for bad usage.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.println(BenchOptions.USAGE);
            return;
        }
        BenchOptions options;
        try {
            options = BenchOptions.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        boolean complete = new BenchRun(options, out).run(String.join(" ", args));
        System.exit(complete ? 0 : 1);
    }
}
