package org.fundguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time a process (and its threads) has used, from /proc/&lt;pid&gt;/stat, in nanoseconds. */
public final class ProcessCpu {

    /** Linux reports utime and stime in clock ticks; USER_HZ is 100 on every kernel we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessCpu() {
    }

    public static long nanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // the command name may contain spaces: fields start after the closing parenthesis
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(f[11]);
            long stime = Long.parseLong(f[12]);
            return (utime + stime) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read CPU time of PID " + pid + ": " + e.getMessage(), e);
        }
    }
}
