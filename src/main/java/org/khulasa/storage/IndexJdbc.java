package org.khulasa.storage;

import java.sql.SQLException;
import java.util.Collections;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** What the word index's plain-JDBC statements share (see {@link PreparedSearch} for why plain JDBC). */
final class IndexJdbc {

    private IndexJdbc() {
    }

    /** {@code count} question marks for an {@code IN (…)} list. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** As Jdbi reports its own failures, so the store handles both alike. */
    static UnableToExecuteStatementException failure(String what, SQLException e) {
        return new UnableToExecuteStatementException(what + " failed", e, null);
    }
}
