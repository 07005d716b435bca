package kata.grader.scorecards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import kata.grader.files.AtomicFile;
import kata.support.score.CheckResult;
import kata.support.score.Scorecard;

/**
 * Scorecards as JSON: snake_case fields, lowercase enum values, times as ISO-8601 UTC with
 * milliseconds. The format is described by {@code scorecard.schema.json}, shipped in the grader.
 */
public final class ScorecardJson {

    /** Classpath location of the JSON Schema of scorecards. */
    public static final String SCHEMA_RESOURCE = "/scorecard.schema.json";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(EnumFeature.WRITE_ENUMS_TO_LOWERCASE, true)
            .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.INDENT_OUTPUT, true)
            .addModule(new SimpleModule().addSerializer(Instant.class, new InstantWriter())
                    .addDeserializer(Instant.class, new InstantReader()))
            // A check without a failing schedule has no "schedule" member rather than a null one.
            .withConfigOverride(CheckResult.class, o -> o.setInclude(
                    JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL)))
            .build();

    private ScorecardJson() {
    }

    public static String write(Scorecard scorecard) {
        try {
            return MAPPER.writeValueAsString(scorecard) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the scorecard atomically: readers see the old file or the whole new one, never half. */
    public static void write(Scorecard scorecard, Path file) {
        AtomicFile.write(file, write(scorecard));
    }

    public static Scorecard read(Path file) {
        try {
            return MAPPER.readValue(file.toFile(), Scorecard.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scorecard " + file + ": " + e.getMessage(), e);
        }
    }

    public static Scorecard read(String json) {
        try {
            return MAPPER.readValue(json, Scorecard.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a scorecard: " + e.getMessage(), e);
        }
    }

    /** ISO-8601 in UTC with exactly three fraction digits, e.g. 2026-11-22T10:15:30.120Z. */
    public static String format(Instant instant) {
        return TIME.format(instant);
    }

    private static final class InstantWriter extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(format(value));
        }
    }

    private static final class InstantReader extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return Instant.parse(parser.getValueAsString());
        }
    }
}
