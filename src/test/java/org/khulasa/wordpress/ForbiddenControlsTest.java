package org.khulasa.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bytes XML forbids are dropped however the export's reads happen to split them. */
class ForbiddenControlsTest {

    private static final String EXPORT = "<a>\u0627\uFFFE\u0644\u000B\r\n\u0628\uFFFF\u06CC\u0008\n\uFFFD\uFEFF</a>\r\n";

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8192})
    void noncharacters_and_controls_go_and_lines_are_counted_as_xml_counts_them(int readSize) throws IOException {
        ForbiddenControls clean = new ForbiddenControls(new Trickle(EXPORT.getBytes(StandardCharsets.UTF_8), readSize));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[readSize];
        for (int n; (n = clean.read(buffer, 0, buffer.length)) >= 0; ) {
            out.write(buffer, 0, n);
        }
        assertEquals("<a>\u0627\u0644\r\n\u0628\u06CC\n\uFFFD\uFEFF</a>\r\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(2, clean.removedOn(1, 1), "U+FFFE and the vertical tab, on line 1");
        assertEquals(2, clean.removedOn(2, 2), "U+FFFF and the backspace, on line 2 (CR LF ends one line)");
        assertEquals(0, clean.removedOn(3, 4));
    }

    /** Gives at most {@code size} bytes a read, as a slow disk or pipe may. */
    private static final class Trickle extends InputStream {
        private final ByteArrayInputStream bytes;
        private final int size;

        Trickle(byte[] bytes, int size) {
            this.bytes = new ByteArrayInputStream(bytes);
            this.size = size;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return bytes.read(b, off, Math.min(len, size));
        }
    }
}
