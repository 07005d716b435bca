package kata.echo;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
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
            .because("the platform's default charset is not UTF-8 everywhere (Windows, a POSIX locale), and its"
                    + " line separator is \"\\r\\n\" on Windows: name StandardCharsets.UTF_8 wherever bytes become text"
                    + " or text bytes, and write '\\n' yourself instead of println() or newLine()")
            .allowEmptyShould(true);

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
