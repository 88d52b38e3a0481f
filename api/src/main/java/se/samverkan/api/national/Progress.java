package se.samverkan.api.national;

import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import org.apache.commons.logging.Log;

/**
 * The console's progress bar for one phase of the generation: share done, rows written, rows per second and the time
 * left. On a terminal the bar is redrawn in place; in a log (not a terminal) a line is written every ten seconds.
 */
final class Progress {

    private static final boolean TERMINAL = terminal();

    private final Log log;
    private final PrintStream out = System.out;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastShown = started;

    Progress(Log log, int phase, int phases, String name, long total) {
        this.log = log;
        this.label = String.format(Locale.ROOT, "[%2d/%d] %-24s", phase, phases, name);
        this.total = Math.max(1, total);
    }

    /** {@code done} of the phase's total units are done, {@code rows} written so far. */
    void step(long done, long rows) {
        long now = System.nanoTime();
        if (now - lastShown < (TERMINAL ? 250_000_000L : 10_000_000_000L)) {
            return;
        }
        lastShown = now;
        String line = line(done, rows, now);
        if (TERMINAL) {
            out.print("\r" + line);
            out.flush();
        } else {
            log.info(line);
        }
    }

    /** The phase is over: its last line stays, with the time it took. */
    long done(long rows) {
        long now = System.nanoTime();
        String line = line(total, rows, now);
        if (TERMINAL) {
            out.print("\r" + line + "\n");
            out.flush();
        }
        log.info(line.replaceAll("ETA.*$", "") + String.format(Locale.ROOT, "done in %.1f s", (now - started) / 1e9));
        return (now - started) / 1_000_000;
    }

    private String line(long done, long rows, long now) {
        double share = Math.min(1, done / (double) total);
        double seconds = Math.max(1e-3, (now - started) / 1e9);
        int filled = (int) Math.round(share * 30);
        long eta = share <= 0 ? 0 : Math.round(seconds / share - seconds);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %,11d rows  %,9d rows/s  ETA %d:%02d", label,
                "#".repeat(filled), ".".repeat(30 - filled), Math.round(share * 100), rows, Math.round(rows / seconds),
                eta / 60, eta % 60);
    }

    /** Whether standard output is a terminal ({@code Console.isTerminal} from Java 22 on; before it, a console at all). */
    private static boolean terminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
