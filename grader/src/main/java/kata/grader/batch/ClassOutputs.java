package kata.grader.batch;

import java.nio.file.Path;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import kata.grader.files.AtomicFile;
import kata.grader.report.ClassReport;

/** Writes a class's results where batch, merge and similarity leave them: the summary files, then the report. */
final class ClassOutputs {

    private ClassOutputs() {
    }

    static void write(Path out, ClassResults results) {
        ClassFolder.write(out, results);
        AtomicFile.write(out.resolve(ClassFolder.REPORT), ClassReport.render(results));
    }
}
