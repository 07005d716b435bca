package kata.grader.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kata.grader.classresults.ClassFolder;
import kata.grader.classresults.ClassResults;
import kata.grader.classresults.KataColumn;
import kata.grader.classresults.RowStatus;
import kata.grader.classresults.StudentRow;
import kata.grader.course.Course;
import kata.grader.course.Exercise;
import kata.grader.similarity.SimilarityCheck;

/**
 * The similarity check of a class folder: per kata, the kept sources of every real attempt (no
 * untouched stub), with the course's stub as base code.
 */
public final class SimilarityRun {

    private SimilarityRun() {
    }

    /** Checks a batch or merge output folder again (say, with another threshold) and rewrites its report. */
    public static ClassResults again(Course course, Path out, SimilarityCheck.Settings settings) {
        ClassResults results = ClassFolder.read(out);
        try (OutputLock lock = OutputLock.take(out)) {
            ClassResults checked = of(course, out, results, settings);
            ClassOutputs.write(out, checked);
            return checked;
        }
    }

    /** The results with the similarity of their kept sources. */
    static ClassResults of(Course course, Path out, ClassResults results, SimilarityCheck.Settings settings) {
        List<SimilarityCheck.Kata> katas = new ArrayList<>();
        for (KataColumn column : results.katas()) {
            Exercise exercise = course.find(column.slug()).orElse(null);
            if (exercise == null) {
                continue;
            }
            Map<String, Path> submissions = new TreeMap<>();
            for (StudentRow row : results.rows()) {
                Path sources = ClassFolder.sources(out, row.entry()).resolve(column.slug());
                if (row.status() == RowStatus.GRADED && row.cell(column).outcome().attempted()
                        && Files.isDirectory(sources)) {
                    submissions.put(row.entry(), sources);
                }
            }
            katas.add(new SimilarityCheck.Kata(column.slug(), exercise.stubSources(), submissions));
        }
        return results.withSimilarity(SimilarityCheck.run(katas, settings));
    }
}
