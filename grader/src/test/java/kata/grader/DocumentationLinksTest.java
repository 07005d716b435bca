package kata.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and the templates point only at files the repository has: every Markdown link
 * resolves inside the repository, and no text names a path outside it.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of(System.getProperty("kata.course.root", "..")).toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> walk = Files.walk(ROOT.resolve("templates"))) {
            walk.filter(Files::isRegularFile).forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyLinkResolvesToAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher links = LINK.matcher(Files.readString(document));
            while (links.find()) {
                String target = links.group(1).replaceAll("#.*", "");
                if (target.isEmpty()) {
                    continue;
                }
                Path resolved = document.getParent().resolve(target).normalize();
                if (target.contains("://") || !resolved.startsWith(ROOT) || !Files.exists(resolved)) {
                    broken.add(ROOT.relativize(document) + " -> " + links.group(1));
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void noDocumentNamesAPathOutsideTheRepository() throws IOException {
        Pattern relative = Pattern.compile("(?:\\.\\./)+[\\w.-]+");
        List<String> outside = new ArrayList<>();
        for (Path document : documents()) {
            Matcher paths = relative.matcher(Files.readString(document));
            while (paths.find()) {
                if (!document.getParent().resolve(paths.group()).normalize().startsWith(ROOT)) {
                    outside.add(ROOT.relativize(document) + ": " + paths.group());
                }
            }
        }
        assertEquals(List.of(), outside);
    }
}
