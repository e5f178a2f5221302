package io.findingflow.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.findingflow.bench.stack.JfrProfile;
import io.findingflow.bench.stack.StackProcesses;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --profile}: JFR recordings around phases — on the stack and API JVMs (jcmd) or on this
 * JVM — kept next to the results and summarized into them (hot threads, packages, frames).
 */
final class Profiling {

    private final boolean enabled;
    private final Path dir;
    private final String stamp;
    private final Results results;
    private final Progress progress;
    private final PrintStream out;

    Profiling(boolean enabled, Path dir, String stamp, Results results, Progress progress, PrintStream out) {
        this.enabled = enabled;
        this.dir = dir;
        this.stamp = stamp;
        this.results = results;
        this.progress = progress;
        this.out = out;
    }

    /** JFR on the stack JVM and the API JVM while {@code phase} runs. */
    Phase onStack(String name, Supplier<StackProcesses> processes, Phase phase) {
        return () -> {
            StackProcesses stack = processes.get();
            if (!enabled || stack == null) {
                phase.run();
                return;
            }
            Files.createDirectories(dir);
            List<JfrProfile> profiles = new ArrayList<>();
            profiles.add(JfrProfile.start(stack.rootPid(), dir.resolve(stamp + "-" + name + "-stack.jfr")));
            long apiPid = stack.find("ApiMain");
            if (apiPid > 0) {
                profiles.add(JfrProfile.start(apiPid, dir.resolve(stamp + "-" + name + "-api.jfr")));
            }
            try {
                phase.run();
            } finally {
                for (JfrProfile profile : profiles) {
                    summarize(profile.stop());
                }
            }
        };
    }

    /** JFR on this JVM while {@code phase} runs (the parser measurement runs here). */
    Phase here(String name, Phase phase) {
        return () -> {
            if (!enabled) {
                phase.run();
                return;
            }
            Path file = Files.createDirectories(dir).resolve(stamp + "-" + name + "-bench.jfr");
            try (jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
                recording.start();
                try {
                    phase.run();
                } finally {
                    recording.stop();
                    recording.dump(file);
                }
            }
            summarize(file);
        };
    }

    private void summarize(Path recording) throws Exception {
        Map<String, List<String>> summary = JfrProfile.summarize(recording, 15);
        ObjectNode node = results.details("profiles").putObject(recording.getFileName().toString());
        progress.line("JFR " + recording + ": " + summary.get("samples").get(0) + " execution samples");
        summary.forEach((section, lines) -> {
            ArrayNode array = node.putArray(section);
            lines.forEach(array::add);
            if (!section.equals("samples")) {
                out.println("      " + section + ":");
                lines.stream().limit(8).forEach(line -> out.println("        " + line));
            }
        });
    }
}
