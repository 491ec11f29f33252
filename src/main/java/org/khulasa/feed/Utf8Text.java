package org.khulasa.feed;

import java.io.ByteArrayOutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A document's UTF-8 bytes, written as text and as bytes already encoded: text is kept as
 * characters and encoded in one go when bytes follow or at the end (one bulk encoding is far
 * cheaper than a stream encoder's small chunks), and encoded bytes are copied as they are.
 * Bytes are only written between elements, so no character is ever split.
 */
final class Utf8Text extends Writer {
    private final ByteArrayOutputStream bytes;
    private final StringBuilder pending = new StringBuilder(16 * 1024);

    Utf8Text(int expectedBytes) {
        this.bytes = new ByteArrayOutputStream(expectedBytes);
    }

    @Override
    public void write(char[] chars, int off, int len) {
        pending.append(chars, off, len);
    }

    @Override
    public void write(String str, int off, int len) {
        pending.append(str, off, off + len);
    }

    @Override
    public void write(int c) {
        pending.append((char) c);
    }

    /** Appends bytes that are already UTF-8. */
    void writeUtf8(byte[] utf8) {
        encodePending();
        bytes.writeBytes(utf8);
    }

    byte[] toByteArray() {
        encodePending();
        return bytes.toByteArray();
    }

    private void encodePending() {
        if (!pending.isEmpty()) {
            bytes.writeBytes(pending.toString().getBytes(StandardCharsets.UTF_8));
            pending.setLength(0);
        }
    }

    @Override
    public void flush() {
        // Nothing to push anywhere: the bytes stay in memory until toByteArray.
    }

    @Override
    public void close() {
    }
}
