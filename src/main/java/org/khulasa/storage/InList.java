package org.khulasa.storage;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Statements over a list of values ({@code IN (?, ?, …)}) in plain JDBC. Through Jdbi each list
 * length is a new statement text for its SQL lexer, and the lists of an import and of the related
 * pass (a batch's thousand guids, a page's 250 ids) kept that lexer busy enough for the JIT to
 * compile it, a second's work on a small import.
 */
final class InList {

    private InList() {
    }

    /**
     * Runs {@code sql}, whose one {@code %s} is the list's place ({@code IN (%s)}), with
     * {@code values} in it, handing each row to {@code reader}; {@code what} names it in a failure.
     */
    static void query(Handle h, String sql, List<?> values, String what, IndexJdbc.Reader reader) {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement s = prepared(h, sql, values); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        } catch (SQLException e) {
            throw IndexJdbc.failure(what, e);
        }
    }

    /** {@link #query} for a statement that returns no rows. */
    static void update(Handle h, String sql, List<?> values, String what) {
        if (values.isEmpty()) {
            return;
        }
        try (PreparedStatement s = prepared(h, sql, values)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw IndexJdbc.failure(what, e);
        }
    }

    private static PreparedStatement prepared(Handle h, String sql, List<?> values) throws SQLException {
        PreparedStatement s = h.getConnection().prepareStatement(sql.formatted(IndexJdbc.marks(values.size())));
        try {
            for (int i = 0; i < values.size(); i++) {
                s.setObject(i + 1, values.get(i));
            }
            return s;
        } catch (SQLException e) {
            s.close();
            throw e;
        }
    }
}
