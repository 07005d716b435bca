package kata.grader.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Runs JPlag for the grader, in a JVM of its own: JPlag 6 is compiled for Java 21 and the grader
 * for 17, so this class names JPlag's API only by reflection and is started on a Java 21+ runtime
 * with the grader's class path. It reads a request (per kata: the folder of submissions, one
 * folder each, and the base code's folder) and writes, per kata, the valid submissions and the
 * pairs at or above the threshold with their matched lines.
 *
 * <pre>java -cp grader.jar kata.grader.similarity.JplagDriver request.json result.json</pre>
 */
public final class JplagDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JplagDriver() {
    }

    public static void main(String[] args) throws Exception {
        JsonNode request = JSON.readTree(new File(args[0]));
        ObjectNode result = JSON.createObjectNode();
        ArrayNode katas = result.putArray("katas");
        for (JsonNode kata : request.path("katas")) {
            katas.add(compare(kata, request.path("minimum_tokens").asInt(), request.path("threshold").asDouble()));
        }
        JSON.writeValue(new File(args[1]), result);
    }

    private static ObjectNode compare(JsonNode kata, int minimumTokens, double threshold) throws Exception {
        ObjectNode out = JSON.createObjectNode().put("slug", kata.path("slug").asText());
        try {
            Object language = Class.forName("de.jplag.java.JavaLanguage").getConstructor().newInstance();
            Class<?> languageType = Class.forName("de.jplag.Language");
            Class<?> optionsType = Class.forName("de.jplag.options.JPlagOptions");
            Object options = optionsType.getConstructor(languageType, Set.class, Set.class)
                    .newInstance(language, Set.of(new File(kata.path("submissions").asText())), Set.of());
            if (minimumTokens > 0) {
                options = call(options, "withMinimumTokenMatch", Integer.valueOf(minimumTokens));
            }
            if (kata.path("normalize").asBoolean(false)) {
                options = call(options, "withNormalize", Boolean.TRUE);
            }
            Object clustering = Class.forName("de.jplag.clustering.ClusteringOptions").getConstructor().newInstance();
            options = call(options, "withClusteringOptions", call(clustering, "withEnabled", Boolean.FALSE));
            if (kata.hasNonNull("base")) {
                options = call(options, "withBaseCodeSubmissionDirectory", new File(kata.path("base").asText()));
            }
            Object result = Class.forName("de.jplag.JPlag").getMethod("run", optionsType).invoke(null, options);
            out.put("valid", (Integer) call(result, "getNumberOfSubmissions"));
            ArrayNode pairs = out.putArray("pairs");
            for (Object comparison : (List<?>) call(result, "getAllComparisons")) {
                double similarity = (Double) call(comparison, "similarity");
                if (similarity >= threshold) {
                    pairs.add(pair(comparison, similarity));
                }
            }
        } catch (InvocationTargetException e) {
            out.put("error", String.valueOf(e.getCause().getMessage()));
        }
        return out;
    }

    private static ObjectNode pair(Object comparison, double similarity) throws Exception {
        Object first = call(comparison, "firstSubmission");
        Object second = call(comparison, "secondSubmission");
        ObjectNode pair = JSON.createObjectNode().put("first", (String) call(first, "getName"))
                .put("second", (String) call(second, "getName")).put("similarity", similarity)
                .put("matched_tokens", (Integer) call(comparison, "getNumberOfMatchedTokens"));
        ArrayNode matches = pair.putArray("matches");
        List<?> all = ((List<?>) call(comparison, "matches")).stream()
                .sorted(Comparator.comparingInt(m -> -(Integer) uncheckedCall(m, "length"))).toList();
        for (Object match : all) {
            ObjectNode item = matches.addObject().put("tokens", (Integer) call(match, "length"));
            place(item.putObject("first"), first, (Integer) call(match, "startOfFirst"),
                    (Integer) call(match, "endOfFirst"));
            place(item.putObject("second"), second, (Integer) call(match, "startOfSecond"),
                    (Integer) call(match, "endOfSecond"));
        }
        return pair;
    }

    /** The file and lines of tokens start..end of a submission. */
    private static void place(ObjectNode node, Object submission, int start, int end) throws Exception {
        List<?> tokens = (List<?>) call(submission, "getTokenList");
        Object first = tokens.get(start);
        Object last = tokens.get(Math.min(end, tokens.size() - 1));
        File file = (File) call(first, "getFile");
        int firstLine = (Integer) call(first, "getLine");
        int lastLine = file.equals(call(last, "getFile")) ? Math.max(firstLine, (Integer) call(last, "getLine"))
                : firstLine;
        Path root = ((File) call(submission, "getRoot")).toPath().toRealPath();
        node.put("file", root.relativize(file.toPath().toRealPath()).toString().replace('\\', '/'));
        node.put("start_line", firstLine).put("end_line", lastLine);
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                return method.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static Object uncheckedCall(Object target, String name) {
        try {
            return call(target, name);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
