package dev.agentanalytics.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.agentanalytics.output.OutputTable;
import dev.agentanalytics.output.TableRow;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Athena DDL of every table ({@code docs/athena/<table>.sql}) matches what the job writes: the same column names
 * as the JSON field names of a fully populated row, in row order, with the documented Athena types, and a location
 * under the table's own folder. A field added to a row class without its column (or the reverse) fails here.
 */
class AthenaDdlTest {
    private static final Path DDL_DIR = Path.of("docs", "athena");

    @ParameterizedTest
    @EnumSource(OutputTable.class)
    void ddlColumnsAreTheJsonFieldsOfTheRow(OutputTable table) throws Exception {
        List<String> jsonFields = jsonFieldNames(table);
        Map<String, String> columns = ddlColumns(ddl(table));

        assertEquals(new TreeSet<>(jsonFields), new TreeSet<>(columns.keySet()),
                table.tableName() + ": the DDL columns must be exactly the JSON fields the job writes");
        assertEquals(jsonFields, new ArrayList<>(columns.keySet()),
                table.tableName() + ": the DDL columns must be in row order");
    }

    @ParameterizedTest
    @EnumSource(OutputTable.class)
    void ddlTypesFollowTheJavaFieldTypes(OutputTable table) throws Exception {
        Map<String, String> columns = ddlColumns(ddl(table));
        for (Field field : publicFields(table.rowType())) {
            String column = snakeCase(field.getName());
            assertEquals(athenaType(field.getType()), columns.get(column),
                    table.tableName() + "." + column + " (" + field.getType().getSimpleName() + ")");
        }
    }

    @ParameterizedTest
    @EnumSource(OutputTable.class)
    void ddlIsPartitionedAndLocatedUnderTheTableFolder(OutputTable table) throws Exception {
        String ddl = ddl(table);
        String name = table.tableName();
        assertTrue(ddl.contains("CREATE EXTERNAL TABLE IF NOT EXISTS " + name + " ("), name + ": table name");
        assertTrue(ddl.contains("LOCATION 's3://YOUR_BUCKET/YOUR_PREFIX/" + name + "/'"), name + ": LOCATION");
        assertTrue(ddl.contains("'storage.location.template' = 's3://YOUR_BUCKET/YOUR_PREFIX/" + name
                + "/dt=${dt}/hour=${hour}'"), name + ": storage.location.template");
        assertTrue(ddl.contains("PARTITIONED BY (`dt` string, `hour` string)"), name + ": partitions");
        assertTrue(ddl.contains("ROW FORMAT SERDE 'org.openx.data.jsonserde.JsonSerDe'"), name + ": SerDe");
        for (String property : List.of("'projection.enabled' = 'true'", "'projection.dt.type' = 'date'",
                "'projection.dt.format' = 'yyyy-MM-dd'", "'projection.dt.range' = '2024-01-01,NOW'",
                "'projection.dt.interval' = '1'", "'projection.dt.interval.unit' = 'DAYS'",
                "'projection.hour.type' = 'integer'", "'projection.hour.range' = '0,23'",
                "'projection.hour.digits' = '2'")) {
            assertTrue(ddl.contains(property), name + ": " + property);
        }
        // Athena's DDL parser rejects "--" comments: documentation lives in COMMENT clauses.
        assertTrue(!ddl.contains("--"), name + ": no -- comments in the DDL");
    }

    // ---- the JSON side -------------------------------------------------------------------------------------------

    /** The field names of a row with every public field set, as the job serializes it. */
    private static List<String> jsonFieldNames(OutputTable table) throws Exception {
        TableRow row = table.rowType().getDeclaredConstructor().newInstance();
        int i = 0;
        for (Field field : publicFields(table.rowType())) {
            field.set(row, sample(field.getType(), i++));
        }
        byte[] json = RowJson.mapper().writeValueAsBytes(row);
        JsonNode tree = RowJson.mapper().readTree(json);
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertTrue(!entry.getValue().isNull(), table.tableName() + "." + entry.getKey() + " was set");
            names.add(entry.getKey());
        }
        assertEquals(publicFields(table.rowType()).size(), names.size(), table.tableName() + ": every field written");
        return names;
    }

    private static List<Field> publicFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers())) fields.add(field);
        }
        return fields;
    }

    private static Object sample(Class<?> type, int i) {
        if (type == String.class) return "2024-05-06T11:45:00.000Z";
        if (type == long.class || type == Long.class) return 1000L + i;
        if (type == int.class || type == Integer.class) return i;
        if (type == double.class || type == Double.class) return 0.5;
        if (type == boolean.class || type == Boolean.class) return true;
        throw new IllegalArgumentException("no sample value for " + type);
    }

    private static String athenaType(Class<?> type) {
        if (type == String.class) return "string";
        if (type == long.class || type == Long.class) return "bigint";
        if (type == int.class || type == Integer.class) return "int";
        if (type == double.class || type == Double.class) return "double";
        if (type == boolean.class || type == Boolean.class) return "boolean";
        throw new IllegalArgumentException("no Athena type for " + type);
    }

    private static String snakeCase(String javaName) {
        return javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([a-z])([0-9])", "$1_$2")
                .toLowerCase(Locale.ROOT);
    }

    // ---- the DDL side --------------------------------------------------------------------------------------------

    private static String ddl(OutputTable table) throws IOException {
        Path file = DDL_DIR.resolve(table.tableName() + ".sql");
        if (!Files.exists(file)) fail("missing " + file);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /**
     * Column name to type, in DDL order: the list between the first {@code (} after CREATE EXTERNAL TABLE and its
     * matching {@code )} (parentheses inside quoted COMMENT text do not count), split at top-level commas.
     */
    static Map<String, String> ddlColumns(String ddl) {
        int create = ddl.toUpperCase(Locale.ROOT).indexOf("CREATE EXTERNAL TABLE");
        assertTrue(create >= 0, "no CREATE EXTERNAL TABLE");
        int open = ddl.indexOf('(', create);
        List<String> definitions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        int end = -1;
        for (int i = open + 1; i < ddl.length() && end < 0; i++) {
            char c = ddl.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (depth == 0) {
                    end = i;
                    continue;
                }
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                definitions.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        assertTrue(end > 0, "column list not closed");
        definitions.add(current.toString());
        String rest = ddl.substring(end + 1).stripLeading().toUpperCase(Locale.ROOT);
        assertTrue(rest.startsWith("COMMENT") || rest.startsWith("PARTITIONED BY") || rest.startsWith("ROW FORMAT"),
                "the column list ends before COMMENT, PARTITIONED BY or ROW FORMAT");

        Map<String, String> columns = new LinkedHashMap<>();
        for (String definition : definitions) {
            String[] words = definition.strip().split("\\s+");
            assertTrue(words.length >= 2, "column definition: " + definition);
            String name = words[0].replace("`", "");
            String previous = columns.put(name, words[1].toLowerCase(Locale.ROOT));
            assertEquals(null, previous, "column defined twice: " + name);
        }
        return columns;
    }
}
