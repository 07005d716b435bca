package kata.grader.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import kata.support.Visibility;
import kata.support.score.CheckStatus;
import kata.support.score.Scorecard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * JUnit XML, as the Surefire 3.0 schema has it: a testsuite with name, tests, errors, skipped,
 * failures; testcases with name, classname and time; failure and error with a type; children in
 * the schema's order; times as seconds with at most three decimals.
 */
class JunitXmlTest {

    private static final List<String> CHILD_ORDER = List.of("failure", "skipped", "error", "system-out");
    private static final String SUREFIRE_TIME = "(([0-9]{0,3},)*[0-9]{3}|[0-9]{0,3})*(\\.[0-9]{0,3})?";

    @TempDir
    Path dir;

    /** The suite of a card whose checks are all visible (what a moment hides is ExportVisibilityTest's). */
    private Element suite(Scorecard card) throws Exception {
        Path out = dir.resolve(card.submissionId() + ".xml");
        new JunitXml().write(Exports.of(List.of(Cards.allVisible(card))), out, ExportOptions.defaults());
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile());
        return document.getDocumentElement();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element element && (name == null || element.getTagName().equals(name))) {
                found.add(element);
            }
        }
        return found;
    }

    @Test
    void theSuiteCountsMatchItsTestcasesAndTheSchemaAttributesArePresent() throws Exception {
        Element suite = suite(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT));

        assertEquals("testsuite", suite.getTagName());
        assertEquals("alice", suite.getAttribute("name"));
        List<Element> cases = children(suite, "testcase");
        assertEquals(String.valueOf(cases.size()), suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("2", suite.getAttribute("errors"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertTrue(suite.getAttribute("time").matches(SUREFIRE_TIME), suite.getAttribute("time"));
        for (Element element : children(suite, null)) {
            assertTrue(Set.of("properties", "testcase").contains(element.getTagName()), element.getTagName());
        }
        for (Element testcase : cases) {
            assertTrue(!testcase.getAttribute("name").isEmpty() && !testcase.getAttribute("classname").isEmpty());
            assertTrue(testcase.getAttribute("time").matches(SUREFIRE_TIME), testcase.getAttribute("time"));
            int last = -1;
            for (Element child : children(testcase, null)) {
                int position = CHILD_ORDER.indexOf(child.getTagName());
                assertTrue(position > last, "children in schema order: " + child.getTagName());
                last = position;
                if (Set.of("failure", "error").contains(child.getTagName())) {
                    assertTrue(child.hasAttribute("type"), "type is required on " + child.getTagName());
                }
            }
        }
    }

    @Test
    void aFailedCheckCarriesItsMessageAndTheOutputOfTheStudentsCode() throws Exception {
        Element suite = suite(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT));

        Element failed = children(suite, "testcase").get(1);
        assertEquals("fix-the-race", failed.getAttribute("classname"));
        assertEquals("Check two-increments [two-increments]", failed.getAttribute("name"));
        Element failure = children(failed, "failure").get(0);
        assertEquals("Lost an update: expected 2 but was 1", failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("step 1: worker-1 read count = 0"));
        assertEquals("tick <1>\n", children(failed, "system-out").get(0).getTextContent());
    }

    @Test
    void pointsAreKeptInProperties() throws Exception {
        Element suite = suite(Cards.mixed("alice", Cards.alice(), Cards.GRADED_AT));

        List<String> properties = new ArrayList<>();
        for (Element property : children(children(suite, "properties").get(0), "property")) {
            properties.add(property.getAttribute("name") + "=" + property.getAttribute("value"));
        }
        assertTrue(properties.containsAll(List.of("score=3", "max_score=15", "fix-the-race.score=3",
                "fix-the-race.two-increments.points=0/4")), properties.toString());
    }

    @Test
    void controlCharactersInStudentOutputDoNotBreakTheXml() throws Exception {
        Scorecard card = Cards.mixed("eve", null, Cards.GRADED_AT);
        var race = card.exercises().get(0);
        var noisy = Cards.check("noisy", Visibility.VISIBLE, CheckStatus.FAILED, 1, "bell \u0007 here", "\u0000\u001b[31mred");
        Scorecard withNoise = new Scorecard(card.schemaVersion(), card.grader(), card.submissionId(), null,
                card.gradedAt(), card.environment(), card.score(), card.maxScore(), List.of(
                new kata.support.score.ExerciseResult(race.slug(), race.title(), race.status(), race.score(),
                        race.maxScore(), race.message(), race.durationMillis(), List.of(noisy))));

        Element suite = suite(withNoise);

        Node out = children(children(suite, "testcase").get(0), "system-out").get(0);
        assertEquals("[31mred", out.getTextContent());
    }
}
