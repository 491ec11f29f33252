package org.khulasa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A short import runs on C1 alone; a long one keeps C2. */
class ShortImportCompilerTest {

    @TempDir
    Path data;

    @Test
    void a_short_export_is_imported_with_c2_left_out() throws Exception {
        Path export = Path.of(getClass().getResource("/wordpress/wordpress-postname.xml").toURI());
        Path out = data.resolve("out.txt");
        // -XX:+PrintCompilation names each compilation a directive excludes ("### Excluding compile").
        ProcessBuilder command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+PrintCompilation", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--import-wordpress", export.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        command.environment().put("KHULASA_DATA", data.toString());
        TestDatabase.serverUrlFor(data).ifPresent(url -> command.environment().put("KHULASA_DB_URL", url));
        Process run = command.start();
        assertTrue(run.waitFor(120, TimeUnit.SECONDS), "the import ends");
        String output = Files.readString(out);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.lines().anyMatch(line -> line.contains("### Excluding compile")), "C2's compilations excluded");
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
