package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import org.jdbi.v3.core.Handle;

/**
 * One word index search, prepared on first use and run many times in one transaction. Matching
 * runs some thirty searches per article: they go through plain JDBC, as Jdbi's per-statement
 * work would cost more than the searches themselves.
 */
final class PreparedSearch implements AutoCloseable {

    private final Handle h;
    private final String sql;
    private PreparedStatement statement;

    PreparedSearch(Handle h, String sql) {
        this.h = h;
        this.sql = sql;
    }

    /** The article ids the search finds with {@code parameters}, into {@code into}. */
    <C extends Collection<Long>> C ids(C into, Object... parameters) {
        try {
            if (statement == null) {
                statement = h.getConnection().prepareStatement(sql);
            }
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    into.add(rs.getLong(1));
                }
            }
            return into;
        } catch (SQLException e) {
            throw IndexJdbc.failure("searching the word index", e);
        }
    }

    /** Closes both, the second even if closing the first fails. */
    static void closeBoth(PreparedSearch first, PreparedSearch second) {
        try {
            first.close();
        } finally {
            second.close();
        }
    }

    @Override
    public void close() {
        if (statement == null) {
            return;
        }
        try {
            statement.close();
        } catch (SQLException e) {
            throw IndexJdbc.failure("closing a word index search", e);
        }
    }
}
