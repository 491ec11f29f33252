package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short import runs on C1 alone; a long one keeps C2. */
class ShortImportCompilerTest {

    @TempDir
    Path data;

    @Test
    void a_short_export_is_imported_with_c2_left_out() throws Exception {
        Path export = Path.of(getClass().getResource("/wordpress/wordpress-postname.xml").toURI());
        // -XX:+PrintCompilation names each compilation a directive excludes ("### Excluding compile").
        CommandProcess run = CommandProcess.run(data, List.of("-Xmx256m", "-XX:+PrintCompilation"),
                "--import-wordpress", export.toString());
        assertEquals(0, run.exit(), run.errors());
        assertTrue(run.output().lines().anyMatch(line -> line.contains("### Excluding compile")), "C2's compilations excluded");
    }

    @Test
    void an_export_of_64_mb_or_more_keeps_c2() throws Exception {
        Path small = sized(ShortImportCompiler.SHORT_EXPORT_BYTES - 1);
        Path large = sized(ShortImportCompiler.SHORT_EXPORT_BYTES);
        assertTrue(ShortImportCompiler.isShort(small));
        assertFalse(ShortImportCompiler.isShort(large));
        assertFalse(ShortImportCompiler.isShort(data.resolve("missing.xml")));
    }

    private Path sized(long bytes) throws Exception {
        Path file = Files.createTempFile(data, "export", ".xml");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(bytes);
        }
        return file;
    }
}
