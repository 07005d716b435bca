package kata.echo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Scanner;
import kata.support.Graded;

/**
 * Public rules (they count once a test passes). The checks' JVM runs with UTF-8 as its default
 * charset and '\n' as its line separator, so a client that relies on the platform's defaults passes
 * every test here and breaks on a machine whose defaults differ (Windows, a POSIX locale): that is
 * seen in the code, not at run time.
 */
@AnalyzeClasses(packages = "kata.echo", importOptions = ImportOption.DoNotIncludeTests.class)
class EchoRules {

    @ArchTest
    @Graded(id = "client-platform-independent", name = "EchoClient names its charset (UTF-8) and writes '\\n' itself,"
            + " so that it works the same on every platform", points = 1)
    static final ArchRule CLIENT_NAMES_ITS_CHARSET = noClasses()
            .that().haveNameMatching("kata\\.echo\\.EchoClient(\\$.*)?")
            .should().callMethod(String.class, "getBytes")
            .orShould().callConstructor(String.class, byte[].class)
            .orShould().callConstructor(String.class, byte[].class, int.class, int.class)
            .orShould().callMethod(ByteArrayOutputStream.class, "toString")
            .orShould().callConstructor(InputStreamReader.class, InputStream.class)
            .orShould().callConstructor(OutputStreamWriter.class, OutputStream.class)
            .orShould().callConstructor(PrintWriter.class, OutputStream.class)
            .orShould().callConstructor(PrintWriter.class, OutputStream.class, boolean.class)
            .orShould().callConstructor(PrintStream.class, OutputStream.class)
            .orShould().callConstructor(PrintStream.class, OutputStream.class, boolean.class)
            .orShould().callConstructor(Scanner.class, InputStream.class)
            .orShould().callConstructor(Scanner.class, ReadableByteChannel.class)
            .orShould().callMethod(Charset.class, "defaultCharset")
            .orShould().callMethodWhere(EchoRules.lineSeparator())
            .orShould(EchoRules.formatLineSeparator())
            .because("the platform's default charset is not UTF-8 everywhere (Windows, a POSIX locale), and its"
                    + " line separator is \"\\r\\n\" on Windows: name StandardCharsets.UTF_8 wherever bytes become text"
                    + " or text bytes, and write '\\n' yourself instead of println(), newLine() or \"%n\" in a format")
            .allowEmptyShould(true);

    /**
     * A "%n" in a format string is the platform's line separator too, and the string is a constant that
     * no call shows: it is read from the constant pool of the class file.
     */
    private static ArchCondition<JavaClass> formatLineSeparator() {
        // No percent sign in the description: ArchUnit formats it more than once.
        return new ArchCondition<>("write the platform's line separator through a format string") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (String constant : stringConstants(javaClass)) {
                    if (constant.replace("%%", "").contains("%n")) {
                        events.add(SimpleConditionEvent.satisfied(javaClass, javaClass.getName()
                                + " uses the format \"" + constant.replace("\n", "\\n") + "\" in "
                                + javaClass.getSource().map(source -> source.getFileName().orElse("its code"))
                                        .orElse("its code")));
                    }
                }
            }
        };
    }

    /** The string constants of a class file (JVMS 4.4: CONSTANT_String entries and the Utf8 entries they name). */
    private static List<String> stringConstants(JavaClass javaClass) {
        URI uri = javaClass.getSource().orElseThrow(() -> new IllegalStateException(
                "no class file for " + javaClass.getName())).getUri();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(uri.toURL().openStream()))) {
            in.readFully(new byte[8]); // magic, minor and major version
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> strings = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF(); // the class file's modified UTF-8 is DataInput's
                    case 8 -> strings.add(in.readUnsignedShort());
                    case 7, 16, 19, 20 -> in.readFully(new byte[2]);
                    case 15 -> in.readFully(new byte[3]);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readFully(new byte[4]);
                    case 5, 6 -> {
                        in.readFully(new byte[8]);
                        i++; // a long or a double takes two entries
                    }
                    default -> throw new IllegalStateException("constant pool tag " + tag + " in " + uri);
                }
            }
            return strings.stream().map(index -> utf8[index]).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + uri, e);
        }
    }

    private static DescribedPredicate<JavaMethodCall> lineSeparator() {
        return DescribedPredicate.describe("println(), newLine() or System.lineSeparator()",
                call -> {
                    String owner = call.getTargetOwner().getName();
                    String name = call.getName();
                    boolean printer = call.getTargetOwner().isAssignableTo(PrintWriter.class)
                            || call.getTargetOwner().isAssignableTo(PrintStream.class);
                    return (printer && name.equals("println"))
                            || (call.getTargetOwner().isAssignableTo(BufferedWriter.class) && name.equals("newLine"))
                            || (owner.equals("java.lang.System") && name.equals("lineSeparator"));
                });
    }
}
