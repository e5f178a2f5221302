package io.findingflow.bench.stack;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** What Linux's /proc says about a process: resident memory, CPU time, who listens on a port. */
public final class ProcFs {

    /** USER_HZ: the kernel reports utime/stime in these ticks (100 on every mainstream Linux build). */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcFs() {}

    /** VmRSS (resident memory now) in bytes, 0 when the process is gone. */
    public static long rssBytes(long pid) {
        return statusBytes(pid, "VmRSS:");
    }

    /** VmHWM (the most resident memory the process ever had) in bytes, 0 when it is gone. */
    public static long peakRssBytes(long pid) {
        return statusBytes(pid, "VmHWM:");
    }

    private static long statusBytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(field)) {
                    String[] parts = line.substring(field.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited meanwhile
        }
        return 0;
    }

    /** User + system CPU seconds the process has used so far, 0 when it is gone. */
    public static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command (which may hold spaces) start after the last ')'
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The short name of the process ({@code comm}), or "?" when it is gone. */
    public static String name(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).strip();
        } catch (IOException gone) {
            return "?";
        }
    }

    /** The full command line (arguments joined by spaces), "" when the process is gone. */
    public static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), java.nio.charset.StandardCharsets.UTF_8)
                    .replace('\0', ' ').strip();
        } catch (IOException gone) {
            return "";
        }
    }

    /** The pid holding a TCP socket that listens on {@code port} (IPv4 or IPv6), if any. */
    public static OptionalLong listener(int port) throws IOException {
        String portHex = String.format(Locale.ROOT, "%04X", port);
        java.util.Set<String> inodes = new java.util.HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (!Files.exists(file)) {
                continue;
            }
            for (String line : Files.readAllLines(file)) {
                String[] f = line.trim().split("\\s+");
                // sl local_address rem_address st ... inode (field 9); 0A = LISTEN
                if (f.length > 9 && f[1].endsWith(":" + portHex) && f[3].equals("0A")) {
                    inodes.add("socket:[" + f[9] + "]");
                }
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path proc : procs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(proc.resolve("fd"))) {
                    for (Path fd : fds) {
                        if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                            return OptionalLong.of(Long.parseLong(proc.getFileName().toString()));
                        }
                    }
                } catch (IOException | SecurityException notOurs) {
                    // a process we may not inspect, or one that just exited
                }
            }
        }
        return OptionalLong.empty();
    }
}
