package kata.grader.export;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import kata.grader.classresults.ClassResults;
import kata.support.score.CheckResult;
import kata.support.score.CheckStatus;
import kata.support.score.ExerciseResult;
import kata.support.score.Scorecard;
import kata.grader.scorecards.Points;
import kata.grader.scorecards.ScorecardJson;
import kata.support.score.Scoring;

/**
 * JUnit XML as Surefire 3.0 writes it, which every CI reads: one {@code <testsuite>} per
 * submission, one {@code <testcase>} per check (classname = exercise), {@code <failure>},
 * {@code <error>} or {@code <skipped>} as the check ended, {@code <system-out>} with what the
 * student's code printed. The format has no points, so they go in {@code <properties>}. CI pages
 * and CodeGrade show it to students: only the checks the moment shows are in it.
 */
public final class JunitXml implements LmsExport {

    @Override
    public String name() {
        return "junit-xml";
    }

    @Override
    public String description() {
        return "JUnit XML (Surefire 3.0) per submission (<out>/<id>.xml, or <out> for one scorecard)";
    }

    @Override
    public Written write(ClassResults results, Path out, ExportOptions options) {
        return new Written(Outputs.perSubmission(results, out, ".xml",
                card -> render(StudentView.of(card, options.moment()))), List.of());
    }

    static String render(Scorecard card) {
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            List<CheckResult> checks = card.exercises().stream().flatMap(e -> e.checks().stream()).toList();
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", card.submissionId());
            xml.writeAttribute("time", Outputs.seconds(Outputs.millis(card)));
            xml.writeAttribute("tests", String.valueOf(checks.size()));
            xml.writeAttribute("errors", String.valueOf(count(checks, CheckStatus.ERROR)));
            xml.writeAttribute("skipped", String.valueOf(count(checks, CheckStatus.SKIPPED)));
            xml.writeAttribute("failures", String.valueOf(count(checks, CheckStatus.FAILED)));
            xml.writeCharacters("\n  ");
            xml.writeStartElement("properties");
            property(xml, "score", Points.text(card.score()));
            property(xml, "max_score", Points.text(card.maxScore()));
            property(xml, "graded_at", ScorecardJson.format(card.gradedAt()));
            property(xml, "grader", card.grader().name() + " " + card.grader().version());
            property(xml, "jdk", card.environment().jdk());
            for (ExerciseResult exercise : card.exercises()) {
                property(xml, exercise.slug() + ".score", Points.text(exercise.score()));
                property(xml, exercise.slug() + ".max_score", Points.text(exercise.maxScore()));
                for (CheckResult check : exercise.checks()) {
                    property(xml, exercise.slug() + "." + check.id() + ".points",
                            Points.text(check.points()) + "/" + Points.text(check.maxPoints()));
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement();
            for (ExerciseResult exercise : card.exercises()) {
                for (CheckResult check : exercise.checks()) {
                    testcase(xml, exercise, check);
                }
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write JUnit XML for " + card.submissionId(), e);
        }
        return text.toString();
    }

    private static void testcase(XMLStreamWriter xml, ExerciseResult exercise, CheckResult check)
            throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("name", check.name() + " [" + check.id() + "]");
        xml.writeAttribute("classname", exercise.slug());
        xml.writeAttribute("time", Outputs.seconds(check.durationMillis()));
        switch (check.status()) {
            case FAILED -> problem(xml, "failure", check);
            case ERROR -> problem(xml, "error", check);
            case SKIPPED -> {
                xml.writeStartElement("skipped");
                xml.writeAttribute("message", xmlSafe(Scoring.firstLine(check.message())));
                xml.writeEndElement();
            }
            case PASSED -> { }
        }
        if (check.output() != null && !check.output().isEmpty()) {
            xml.writeStartElement("system-out");
            xml.writeCharacters(xmlSafe(check.output()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private static void problem(XMLStreamWriter xml, String element, CheckResult check) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("message", xmlSafe(Scoring.firstLine(check.message())));
        xml.writeAttribute("type", check.kind().name().toLowerCase(Locale.ROOT) + "-" + element);
        xml.writeCharacters(xmlSafe(check.message()));
        xml.writeEndElement();
    }

    private static void property(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", name);
        xml.writeAttribute("value", xmlSafe(value));
    }

    private static long count(List<CheckResult> checks, CheckStatus status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    /** Drops characters XML 1.0 cannot hold at all (student output may contain any byte). */
    static String xmlSafe(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF
                        || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF)
                .forEach(safe::appendCodePoint);
        return safe.toString();
    }
}
