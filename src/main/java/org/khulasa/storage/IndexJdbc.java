package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * What the word index's plain-JDBC statements share. Matching runs some thirty searches per
 * article: they bypass Jdbi, whose per-statement work would cost more than the searches.
 */
final class IndexJdbc {

    private IndexJdbc() {
    }

    /** The first column of every row {@code query} gives, as article ids, into {@code into}. */
    static <C extends Collection<Long>> C ids(PreparedStatement query, C into) throws SQLException {
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                into.add(rs.getLong(1));
            }
        }
        return into;
    }

    /** {@code count} question marks for an {@code IN (…)} list. */
    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Closes the searches a request prepared (null: never prepared). */
    static void closeAll(PreparedStatement... statements) {
        try {
            for (PreparedStatement statement : statements) {
                if (statement != null) {
                    statement.close();
                }
            }
        } catch (SQLException e) {
            throw failure("closing a word index search", e);
        }
    }

    /** As Jdbi reports its own failures, so the store handles both alike. */
    static UnableToExecuteStatementException failure(String what, SQLException e) {
        return new UnableToExecuteStatementException(what + " failed", e, null);
    }
}
