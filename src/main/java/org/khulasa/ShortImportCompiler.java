package org.khulasa;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Leaves HotSpot's optimising compiler (C2) out of an import too short to pay it back.
 *
 * <p>A 10,000-post export is imported in seconds, and until its end C2 is busy compiling each
 * phase's new hot code: a third of the import's CPU on two cores, for code that runs only a few
 * seconds more. C1's code is slower but ready at once: C1 alone imports 10,000 posts in 0.9 of
 * the time, 20,000 about as fast, 100,000 in 1.3 times as long. {@code -XX:TieredStopAtLevel=1}
 * would say so, but {@code java -jar} carries no JVM flags; the JVM's DiagnosticCommand MBean
 * adds the same choice as a compiler directive at run time. The export's size stands in for its
 * number of posts.
 */
final class ShortImportCompiler {

    /** About 17,000 posts as {@code bench/}'s generator writes them, with comments and images. */
    static final long SHORT_EXPORT_BYTES = 64L * 1024 * 1024;

    private static final String C1_ONLY = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private ShortImportCompiler() {
    }

    /**
     * For an export under {@link #SHORT_EXPORT_BYTES}: C1 only from now on, in this JVM. The MBean
     * server takes a tenth of a second to start: on a thread of its own, while the import starts.
     */
    static void chooseFor(Path export) {
        if (isShort(export)) {
            Thread choice = new Thread(ShortImportCompiler::leaveC2Out, "khulasa-compiler-choice");
            choice.setDaemon(true);
            choice.start();
        }
    }

    static boolean isShort(Path export) {
        try {
            return Files.size(export) < SHORT_EXPORT_BYTES;
        } catch (IOException e) {
            return false; // the import reports the unreadable file itself
        }
    }

    private static void leaveC2Out() {
        try {
            Path directives = Files.createTempFile("khulasa-compiler-", ".json");
            try {
                Files.writeString(directives, C1_ONLY);
                ManagementFactory.getPlatformMBeanServer().invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"), "compilerDirectivesAdd",
                        new Object[] {new String[] {directives.toString()}}, new String[] {String[].class.getName()});
            } finally {
                Files.deleteIfExists(directives);
            }
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            // A JVM without HotSpot's diagnostic commands keeps its own compilers: only slower.
        }
    }
}
