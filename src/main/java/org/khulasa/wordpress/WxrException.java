package org.khulasa.wordpress;

/** The file is not a WordPress export, or its XML breaks off: nothing can be imported from it. */
public final class WxrException extends Exception {
    private final int line;
    private final int column;

    public WxrException(String message, int line, int column, Throwable cause) {
        super(message, cause);
        this.line = line;
        this.column = column;
    }

    /** What a person at a terminal reads: where, then what. */
    public String describe() {
        return "line " + line + ", column " + column + ": " + getMessage();
    }
}
