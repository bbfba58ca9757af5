package org.fundguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole machine's use: CPU time busy (all cores, every process) from /proc/stat, and the load average. */
public final class MachineCpu {

    /** Linux reports /proc/stat in clock ticks; USER_HZ is 100 on every kernel we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private MachineCpu() {
    }

    /** The 1-, 5- and 15-minute load averages from /proc/loadavg, as printed there; "?" when it cannot be read. */
    public static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Busy time (user, nice, system, irq, softirq, steal) summed over all cores; -1 when /proc/stat cannot be read. */
    public static long busyNanos() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            long busy = 0;
            int[] fields = {1, 2, 3, 6, 7, 8};
            for (int i : fields) {
                if (i < f.length) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
