package se.samverkan.api.demo;

import java.util.List;
import java.util.stream.Collectors;

/** The demo-year files are invalid: every problem found, each as {@code file:line: problem}. */
public class DemoYearException extends RuntimeException {

    /** One problem in a demo-year file, at a line. */
    public record Problem(String file, int line, String message) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final List<Problem> problems;

    public DemoYearException(List<Problem> problems) {
        super("The demo-year files are invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
