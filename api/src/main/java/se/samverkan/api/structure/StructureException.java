package se.samverkan.api.structure;

/** A problem in a structure file, at a line. */
public class StructureException extends RuntimeException {

    private final String file;
    private final int line;
    private final String problem;

    public StructureException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    /** The problem alone, without file and line. */
    public String problem() {
        return problem;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
