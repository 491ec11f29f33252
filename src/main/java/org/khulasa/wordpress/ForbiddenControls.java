package org.khulasa.wordpress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * An export's bytes without the control characters XML forbids (U+0000–U+001F but tab, line feed
 * and carriage return). WordPress stores a post's text as the editor pasted it and exports it
 * unchanged in CDATA, so one vertical tab from a word processor would make the whole file
 * unreadable to any XML parser; the server drops the same characters from articles sent to it.
 * In UTF-8 these are single bytes that no multi-byte character contains, so they are dropped as
 * bytes. It remembers the lines they were on, for the report.
 */
final class ForbiddenControls extends FilterInputStream {
    /** Lines with removals not yet claimed, each as {line, count}: bounded by how far the parser reads ahead. */
    private final ArrayDeque<int[]> removals = new ArrayDeque<>();
    private int line = 1;
    /** The last byte kept by an earlier read: a line feed after a carriage return ends no further line. */
    private byte lastKept;

    ForbiddenControls(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n;
        while ((n = read(one, 0, 1)) == 0) {
            // the byte read was dropped
        }
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n <= 0) {
            return n;
        }
        int kept = offset;
        for (int i = offset; i < offset + n; i++) {
            byte b = buffer[i];
            if ((b & 0xe0) == 0) {
                // Lines end as the XML parser counts them: at a line feed, a carriage return, or both.
                boolean afterReturn = kept > offset ? buffer[kept - 1] == '\r' : lastKept == '\r';
                if (b == '\r' || (b == '\n' && !afterReturn)) {
                    line++;
                } else if (b != '\t' && b != '\n') {
                    noteRemoval(line);
                    continue;
                }
            }
            buffer[kept++] = b;
        }
        if (kept > offset) {
            lastKept = buffer[kept - 1];
        }
        return kept - offset;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("an export is read whole, never skipped");
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void noteRemoval(int at) {
        int[] last = removals.peekLast();
        if (last != null && last[0] == at) {
            last[1]++;
        } else {
            removals.add(new int[] {at, 1});
        }
    }

    /**
     * How many were removed from lines {@code first} to {@code last} (an item's), forgetting every
     * one up to line {@code last}: those before {@code first} were outside any item.
     */
    int removedOn(int first, int last) {
        int count = 0;
        while (!removals.isEmpty() && removals.peekFirst()[0] <= last) {
            int[] r = removals.pollFirst();
            if (r[0] >= first) {
                count += r[1];
            }
        }
        return count;
    }
}
