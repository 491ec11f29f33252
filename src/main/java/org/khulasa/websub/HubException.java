package org.khulasa.websub;

/** A hub request refused: the status, the form field at fault and why. */
public final class HubException extends RuntimeException {
    private final int status;
    private final String field;

    HubException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static HubException badRequest(String field, String message) {
        return new HubException(400, field, field + " " + message);
    }

    static HubException forbidden(String field, String message) {
        return new HubException(403, field, field + " " + message);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
