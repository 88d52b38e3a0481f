package se.samverkan.api.graphql;

import graphql.language.SourceLocation;

/**
 * The limits that can be read off the query text without parsing it, checked in one pass over its characters that
 * stops at the first limit passed: tokens, aliases, directives, operations and fragment definitions. graphql-java's
 * parser costs about a microsecond per token, this a few nanoseconds per character, so a token flood or an alias
 * fan-out is refused for less than a valid {@code { __typename }} costs to answer.
 *
 * <p>It only refuses what is surely over a limit: it counts tokens as the parser does (names, numbers, strings and
 * punctuators; whitespace, commas and comments are not tokens), aliases as a name followed by a colon in a selection
 * set (outside parentheses a colon can mean nothing else), every {@code @} as a directive, and definitions by their
 * first token at the top level. Aliases and directives as written are never more than with fragments expanded, which
 * {@link DocumentLimits} counts after parsing. What is not valid GraphQL it leaves to the parser.
 */
final class TextLimits {

    private TextLimits() {
    }

    /** Throws {@link DocumentLimits.Refusal} at the first limit the text passes. */
    static void check(String query, int maxTokens, DocumentLimits.Limits limits) {
        int tokens = 0;
        int aliases = 0;
        int directives = 0;
        int operations = 0;
        int fragments = 0;
        int braces = 0;
        int parentheses = 0;
        boolean definitionStarts = true;
        boolean selectionName = false; // the previous token was a name in a selection set
        int length = query.length();
        int i = 0;
        while (i < length) {
            char c = query.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '\uFEFF') {
                i++;
                continue;
            }
            if (c == '#') {
                while (i < length && query.charAt(i) != '\n' && query.charAt(i) != '\r') {
                    i++;
                }
                continue;
            }
            int start = i;
            if (++tokens > maxTokens) {
                throw refuse("TOO_MANY_TOKENS", maxTokens, query, start,
                        "The query has more than " + maxTokens + " tokens.");
            }
            boolean name = false;
            if (c == '"') {
                i = query.startsWith("\"\"\"", i) ? afterBlockString(query, i + 3) : afterString(query, i + 1);
            } else if (c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                while (i < length && isNamePart(query.charAt(i))) {
                    i++;
                }
                name = true;
                if (definitionStarts && braces == 0 && parentheses == 0) {
                    String keyword = query.substring(start, i);
                    if (keyword.equals("fragment")) {
                        if (++fragments > limits.maxFragments()) {
                            throw refuse("TOO_MANY_FRAGMENTS", limits.maxFragments(), query, start,
                                    "The document defines more than " + limits.maxFragments() + " fragments.");
                        }
                    } else if (++operations > limits.maxOperations()) {
                        throw refuse("TOO_MANY_OPERATIONS", limits.maxOperations(), query, start,
                                "The document holds more than " + limits.maxOperations() + " operations.");
                    }
                    definitionStarts = false;
                }
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i++;
                while (i < length && isNumberPart(query.charAt(i))) {
                    i++;
                }
            } else if (c == '.' && query.startsWith("...", i)) {
                i += 3;
            } else {
                switch (c) {
                    case '{' -> {
                        if (definitionStarts && braces == 0 && parentheses == 0) {
                            if (++operations > limits.maxOperations()) {
                                throw refuse("TOO_MANY_OPERATIONS", limits.maxOperations(), query, start,
                                        "The document holds more than " + limits.maxOperations() + " operations.");
                            }
                            definitionStarts = false;
                        }
                        braces++;
                    }
                    case '}' -> {
                        braces--;
                        if (braces == 0 && parentheses == 0) {
                            definitionStarts = true;
                        }
                    }
                    case '(' -> parentheses++;
                    case ')' -> parentheses--;
                    case '@' -> {
                        if (++directives > limits.maxDirectives()) {
                            throw refuse("TOO_MANY_DIRECTIVES", limits.maxDirectives(), query, start,
                                    "The query uses more than " + limits.maxDirectives() + " directives.");
                        }
                    }
                    case ':' -> {
                        if (selectionName && ++aliases > limits.maxAliases()) {
                            throw refuse("TOO_MANY_ALIASES", limits.maxAliases(), query, start,
                                    "The query uses more than " + limits.maxAliases() + " aliases.");
                        }
                    }
                    default -> {
                    }
                }
                i++;
            }
            selectionName = name && braces > 0 && parentheses == 0;
        }
    }

    private static boolean isNamePart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean isNumberPart(char c) {
        return (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';
    }

    /** The index after a string's closing quote (or the end of the line or text, where the parser will object). */
    private static int afterString(String query, int i) {
        while (i < query.length()) {
            char c = query.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if (c == '\n' || c == '\r') {
                return i;
            } else {
                i++;
            }
        }
        return i;
    }

    private static int afterBlockString(String query, int i) {
        while (i < query.length()) {
            if (query.startsWith("\\\"\"\"", i)) {
                i += 4;
            } else if (query.startsWith("\"\"\"", i)) {
                return i + 3;
            } else {
                i++;
            }
        }
        return i;
    }

    private static DocumentLimits.Refusal refuse(String code, int limit, String query, int at, String message) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < at; i++) {
            if (query.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new DocumentLimits.Refusal(QueryLimits.error(code, limit, new SourceLocation(line, column), message));
    }
}
