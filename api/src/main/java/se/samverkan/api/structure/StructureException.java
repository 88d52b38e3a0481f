package se.samverkan.api.structure;

/** A problem in a structure file, at a line. */
public class StructureException extends RuntimeException {

    private final String file;
    private final int line;

    public StructureException(String file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
