package org.fundguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time the whole machine has been busy (all cores, every process), from the first line of /proc/stat, in nanoseconds. */
public final class MachineCpu {

    /** Linux reports /proc/stat in clock ticks; USER_HZ is 100 on every kernel we run on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private MachineCpu() {
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
