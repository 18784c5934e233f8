package kz.zhedel.bench.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The stack's processes as the launcher left them ({@code $ZHEDEL_HOME/run/NAME.pid}, PostgreSQL's postmaster.pid):
 * CPU seconds and resident memory from /proc, PostgreSQL counted with its backends, and SIGSTOP/SIGCONT to measure
 * intake on its own.
 */
final class Processes {

    static final List<String> COMPONENTS = List.of("intake", "dispatch", "notification", "reporting", "kafka",
            "postgres");
    private static final double TICKS = ticksPerSecond();

    private final Path home;

    Processes(Path home) {
        this.home = home;
    }

    /** CPU seconds (user + system) each component has used so far. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        for (String name : COMPONENTS) {
            long ticks = 0;
            for (long pid : tree(name)) {
                long[] stat = stat(pid);
                ticks += stat[0] + stat[1] + (pid == pid(name) ? stat[2] + stat[3] : 0); // + exited children
            }
            cpu.put(name, ticks / TICKS);
        }
        return cpu;
    }

    /** Resident memory in MB (PostgreSQL: the sum over its processes, which counts shared buffers more than once). */
    Map<String, Double> rssMegabytes() {
        Map<String, Double> rss = new LinkedHashMap<>();
        for (String name : COMPONENTS) {
            long kb = 0;
            for (long pid : tree(name)) {
                kb += rssKb(pid);
            }
            rss.put(name, kb / 1024.0);
        }
        return rss;
    }

    static Map<String, Double> minus(Map<String, Double> after, Map<String, Double> before) {
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((name, value) -> used.put(name, Math.round((value - before.getOrDefault(name, 0.0)) * 100)
                / 100.0));
        return used;
    }

    void pause(String... names) {
        signal("-STOP", names);
    }

    void resume(String... names) {
        signal("-CONT", names);
    }

    private void signal(String signal, String... names) {
        for (String name : names) {
            long pid = pid(name);
            try {
                new ProcessBuilder("kill", signal, Long.toString(pid)).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new IllegalStateException("cannot signal " + name + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    long pid(String name) {
        Path file = name.equals("postgres") ? home.resolve("postgres/data/postmaster.pid")
                : home.resolve("run/" + name + ".pid");
        try (Stream<String> lines = Files.lines(file)) {
            return Long.parseLong(lines.findFirst().orElseThrow().trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(name + " is not running (no " + file + "): ./zhedel up first", e);
        }
    }

    /** The component's process and its children (PostgreSQL's backends). */
    private List<Long> tree(String name) {
        long root = pid(name);
        List<Long> pids = new ArrayList<>(List.of(root));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(s -> s.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).filter(pid -> pid != root && parent(pid) == root).forEach(pids::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return pids;
    }

    /** utime, stime, cutime, cstime in clock ticks (zeros for a process that is gone). */
    private static long[] stat(long pid) {
        String[] fields = statFields(pid);
        if (fields == null) {
            return new long[4];
        }
        return new long[] { Long.parseLong(fields[11]), Long.parseLong(fields[12]), Long.parseLong(fields[13]),
                Long.parseLong(fields[14]) };
    }

    private static long parent(long pid) {
        String[] fields = statFields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    /** /proc/PID/stat after the command name: [0] is the state, [1] the parent, [11] utime. */
    private static String[] statFields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }

    private static long rssKb(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
            return Double.parseDouble(new String(getconf.getInputStream().readAllBytes()).trim());
        } catch (IOException | NumberFormatException e) {
            return 100;
        }
    }
}
