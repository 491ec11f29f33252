package org.khulasa.wordpress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * An export's bytes without the characters XML forbids: the control characters U+0000–U+001F but
 * tab, line feed and carriage return, and the noncharacters U+FFFE and U+FFFF. WordPress stores
 * a post's text as the editor pasted it and exports it unchanged in CDATA, so one vertical tab from
 * a word processor (or a byte-order mark read the wrong way round, U+FFFE) would make the whole file
 * unreadable to any XML parser; the server drops the same characters from articles sent to it.
 * In UTF-8 the controls are single bytes and the noncharacters the sequences EF BF BE and EF BF BF,
 * which no other character contains, so they are dropped as bytes. It remembers the lines they
 * were on, for the report.
 */
final class ForbiddenControls extends FilterInputStream {
    /** Lines with removals not yet claimed, each as {line, count}: bounded by how far the parser reads ahead. */
    private final ArrayDeque<int[]> removals = new ArrayDeque<>();
    /** Bytes read and not yet passed on, {@code chunk[start, end)}: a noncharacter may straddle two reads. */
    private final byte[] chunk = new byte[1 << 16];
    private int start;
    private int end;
    private boolean ended;
    private int line = 1;
    /** The last byte passed on: a line feed after a carriage return ends no further line. */
    private byte lastKept;

    ForbiddenControls(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int kept = offset;
        int limit = offset + length;
        while (kept == offset) {
            if (end - start < 3 && !ended) {
                fill();
                continue;
            }
            if (start == end) {
                return -1;
            }
            // Bytes with the two after them in the chunk (all of them once the file has ended).
            int safe = ended ? end : end - 2;
            int at = start;
            while (at < safe && kept < limit) {
                byte b = chunk[at];
                // Most bytes: printable ASCII, or part of a character that cannot be a noncharacter.
                if (b < 0 ? b != (byte) 0xEF : b >= 0x20) {
                    buffer[kept++] = b;
                    at++;
                } else if (b == (byte) 0xEF) {
                    if (at + 2 < end && chunk[at + 1] == (byte) 0xBF && (chunk[at + 2] & 0xFE) == 0xBE) {
                        noteRemoval(line);
                        at += 3;
                    } else {
                        buffer[kept++] = b;
                        at++;
                    }
                } else {
                    at++;
                    // Lines end as the XML parser counts them: at a line feed, a carriage return, or both.
                    boolean afterReturn = (kept > offset ? buffer[kept - 1] : lastKept) == '\r';
                    if (b == '\r' || (b == '\n' && !afterReturn)) {
                        line++;
                    } else if (b != '\t' && b != '\n') {
                        noteRemoval(line);
                        continue;
                    }
                    buffer[kept++] = b;
                }
            }
            start = at;
        }
        lastKept = buffer[kept - 1];
        return kept - offset;
    }

    /** Reads more after what is left of the chunk, moved to its start. */
    private void fill() throws IOException {
        System.arraycopy(chunk, start, chunk, 0, end - start);
        end -= start;
        start = 0;
        int n = in.read(chunk, end, chunk.length - end);
        if (n < 0) {
            ended = true;
        } else {
            end += n;
        }
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
