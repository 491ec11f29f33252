package org.khulasa.wordpress;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Counts the bytes read, telling {@code progress} of each further mebibyte: progress by the file's size. */
final class ReadProgress extends FilterInputStream {
    private final LongConsumer progress;
    private long done;
    private long reportedAt;

    ReadProgress(InputStream in, LongConsumer progress) {
        super(in);
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(int n) {
        done += n;
        if (done - reportedAt >= (1 << 20)) {
            reportedAt = done;
            progress.accept(done);
        }
    }
}
