package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import org.jdbi.v3.core.Handle;
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

    /** Reads one row of a result. */
    interface Reader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} (no parameters) and hands {@code reader} each row: {@code what} names it in a failure. */
    static void scan(Handle h, String sql, String what, Reader reader) {
        try (PreparedStatement query = h.getConnection().prepareStatement(sql);
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Sets one row's parameters. */
    interface Row<K, V> {
        void set(PreparedStatement s, K key, V value) throws SQLException;
    }

    /** Runs {@code sql} once per entry of {@code rows}, as one JDBC batch. */
    static <K, V> void batch(Handle h, String sql, Map<K, V> rows, Row<K, V> row) {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement s = h.getConnection().prepareStatement(sql)) {
            for (Map.Entry<K, V> e : rows.entrySet()) {
                row.set(s, e.getKey(), e.getValue());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw failure("writing the word index", e);
        }
    }
}
