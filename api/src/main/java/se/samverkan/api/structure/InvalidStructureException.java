package se.samverkan.api.structure;

import java.util.List;
import java.util.stream.Collectors;

/** The structure files broke rules; every problem found is listed, each with its file and line. */
public class InvalidStructureException extends RuntimeException {

    private final List<StructureException> problems;

    public InvalidStructureException(List<StructureException> problems) {
        super("The structure files are invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n" + problems.stream().map(p -> "  " + p.getMessage()).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<StructureException> problems() {
        return problems;
    }
}
