package org.khulasa.article;

/** The database can't take a write right now (disk full, locked too long): retry later. */
public class StorageUnavailableException extends RuntimeException {
    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
